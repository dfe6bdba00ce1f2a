/// A piece of a sentence alignment: old sentences matched to new ones, or sentences on one side only.
///
/// `old` and `new` are ranges of sentence indices. An empty `old` is an addition, an empty `new` a
/// deletion; 1:1, 1:n and n:1 are edits, splits and merges. `isMoved` marks matches whose order
/// crosses the rest of the alignment.
public struct SentenceGroup: Sendable, Hashable {
    public var old: Range<Int>
    public var new: Range<Int>
    public var isMoved: Bool

    public init(old: Range<Int>, new: Range<Int>, isMoved: Bool = false) {
        self.old = old
        self.new = new
        self.isMoved = isMoved
    }
}
