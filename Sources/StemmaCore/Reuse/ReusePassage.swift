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
    /// Whether the two documents share only formula wording here (``FormulaRule``).
    public var isFormula: Bool

    public init(a: Int, b: Int, bytesA: Range<Int>, bytesB: Range<Int>, alignment: WordAlignment, isFormula: Bool = false) {
        self.a = a
        self.b = b
        self.bytesA = bytesA
        self.bytesB = bytesB
        self.alignment = alignment
        self.isFormula = isFormula
    }

    public var wordsA: Range<Int> { alignment.wordsA }
    public var wordsB: Range<Int> { alignment.wordsB }
    public var score: Int { alignment.score }
}

/// What a reuse search found, with the counts that explain its cost.
public struct ReuseResult: Sendable {
    /// Passages ordered by document pair, then by position in `a`.
    public var passages: [ReusePassage]
    /// Passages of formula wording only, in the same order: not reuse, and not clustered.
    public var formulas: [ReusePassage]
    /// Document pairs that shared enough n-grams to be aligned.
    public var candidatePairs: Int
    /// Shared n-gram positions among the candidate pairs.
    public var anchors: Int
    public var words: Int

    public init(passages: [ReusePassage], formulas: [ReusePassage] = [], candidatePairs: Int, anchors: Int, words: Int) {
        self.passages = passages
        self.formulas = formulas
        self.candidatePairs = candidatePairs
        self.anchors = anchors
        self.words = words
    }
}
