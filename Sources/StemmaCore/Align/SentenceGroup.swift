/// A piece of a sentence alignment: old sentences matched to new ones, or sentences on one side only.
///
/// `old` and `new` are ranges of sentence indices. An empty `old` is an addition, an empty `new` a
/// deletion; 1:1, 1:n and n:1 are edits, splits and merges. `isMoved` marks matches whose order
/// crosses the rest of the alignment. A split or merge whose pieces are not next to each other is
/// one group per piece, each with its ``piece``, sharing the sentence on the other side.
public struct SentenceGroup: Sendable, Hashable {
    public var old: Range<Int>
    public var new: Range<Int>
    public var isMoved: Bool
    public var piece: Piece?

    /// One of the pieces of a split (one old sentence, new pieces apart) or a merge (old pieces
    /// apart, one new sentence).
    public struct Piece: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case split, merge }
        public var kind: Kind
        /// Its place among the pieces, from 0, in the order of the side they are on.
        public var index: Int
        public var count: Int

        public init(kind: Kind, index: Int, count: Int) {
            self.kind = kind
            self.index = index
            self.count = count
        }
    }

    public init(old: Range<Int>, new: Range<Int>, isMoved: Bool = false, piece: Piece? = nil) {
        self.old = old
        self.new = new
        self.isMoved = isMoved
        self.piece = piece
    }
}
