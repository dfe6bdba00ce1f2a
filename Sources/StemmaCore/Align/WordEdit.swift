/// One run of a word-level diff: tokens kept, inserted, deleted or replaced.
///
/// `old` and `new` are ranges of token indices into the two texts. An equal run has the same number
/// of tokens on both sides, byte for byte identical. A replace may pair tokens that match when
/// normalized but differ in bytes (`’` for `'`, `Communist` for `communist`).
public struct WordEdit: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case equal, insert, delete, replace
    }

    public var kind: Kind
    public var old: Range<Int>
    public var new: Range<Int>

    public init(kind: Kind, old: Range<Int>, new: Range<Int>) {
        self.kind = kind
        self.old = old
        self.new = new
    }

    /// The kind for a change run given its two sides.
    static func change(old: Range<Int>, new: Range<Int>) -> WordEdit {
        let kind: Kind = old.isEmpty ? .insert : new.isEmpty ? .delete : .replace
        return WordEdit(kind: kind, old: old, new: new)
    }
}
