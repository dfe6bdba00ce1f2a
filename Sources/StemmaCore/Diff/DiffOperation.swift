/// One operation of a version diff: a group of sentences and what happened to it.
///
/// `old` and `new` are sentence index ranges; an empty range marks the side an operation lacks.
/// `words` covers every token of both sides in order (empty for additions and deletions).
public struct DiffOperation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// One sentence, byte for byte the same.
        case unchanged
        /// One sentence matched to one, with changes.
        case edited
        /// One old sentence became several new ones.
        case split
        /// Several old sentences became one new one.
        case merged
        /// One sentence whose position changed relative to the rest (NewsEdits' "refactor"); it
        /// may also have been edited.
        case moved
        /// New sentences with no counterpart in the old text.
        case added
        /// Old sentences with no counterpart in the new text.
        case deleted
    }

    public var kind: Kind
    public var old: Range<Int>
    public var new: Range<Int>
    public var words: [WordEdit]
    public var tags: [ChangeTag]
    public var details: ChangeDetails
    /// For a split or merge whose pieces are not next to each other: which piece this operation
    /// is. Every piece has the shared sentence on its other side; the tags and details of the
    /// whole change are on the first piece.
    public var piece: SentenceGroup.Piece?

    public init(kind: Kind, old: Range<Int>, new: Range<Int>, words: [WordEdit] = [], tags: [ChangeTag] = [],
                details: ChangeDetails = ChangeDetails(), piece: SentenceGroup.Piece? = nil) {
        self.kind = kind
        self.old = old
        self.new = new
        self.words = words
        self.tags = tags
        self.details = details
        self.piece = piece
    }

    /// Whether any word, punctuation mark or space differs.
    public var hasChanges: Bool { kind != .unchanged }
}
