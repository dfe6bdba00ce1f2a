/// A passage two documents share: where it is in each, and how its words align.
public struct ReusePassage: Sendable, Hashable {
    /// The documents, as indices into the searched collection; `a < b`.
    public var a: Int
    public var b: Int
    /// UTF-8 byte ranges of the passage in each document's text.
    public var bytesA: Range<Int>
    public var bytesB: Range<Int>
    /// The word alignment: word ranges, score and steps (word indices count word-like tokens only).
    public var alignment: WordAlignment

    public init(a: Int, b: Int, bytesA: Range<Int>, bytesB: Range<Int>, alignment: WordAlignment) {
        self.a = a
        self.b = b
        self.bytesA = bytesA
        self.bytesB = bytesB
        self.alignment = alignment
    }

    public var wordsA: Range<Int> { alignment.wordsA }
    public var wordsB: Range<Int> { alignment.wordsB }
    public var score: Int { alignment.score }
}

/// What a reuse search found, with the counts that explain its cost.
public struct ReuseResult: Sendable {
    /// Passages ordered by document pair, then by position in `a`.
    public var passages: [ReusePassage]
    /// Document pairs that shared enough n-grams to be aligned.
    public var candidatePairs: Int
    /// Shared n-gram positions among the candidate pairs.
    public var anchors: Int
    public var words: Int

    public init(passages: [ReusePassage], candidatePairs: Int, anchors: Int, words: Int) {
        self.passages = passages
        self.candidatePairs = candidatePairs
        self.anchors = anchors
        self.words = words
    }
}
