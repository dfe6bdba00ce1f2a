/// The settings of a text-reuse search: how candidates are found and how passages are aligned.
///
/// ```swift
/// let parameters = try ReuseParameters(ngram: 5, maximumDocumentFrequency: 100, minimumMatches: 3, minimumWords: 12)
/// ```
public struct ReuseParameters: Sendable, Hashable {
    /// Words per n-gram in the candidate index.
    public let ngram: Int
    /// N-grams found in more documents than this are skipped: boilerplate, formulas, quotations
    /// everyone uses. They would flood the pairs without telling who copied from whom.
    public let maximumDocumentFrequency: Int
    /// Document pairs sharing fewer n-gram positions are not aligned.
    public let minimumMatches: Int
    /// Passages shorter than this, in words on the shorter side, are not reported.
    public let minimumWords: Int
    /// Anchors farther apart than this many words, in either document, start a new chain.
    public let maximumGap: Int
    /// A passage whose shared n-grams are found in this many documents or more, on average
    /// (geometric mean), is formula wording (``FormulaRule``), reported apart and never clustered.
    public let formulaFrequency: Int
    /// Whether copies that share a passage with a third copy are aligned with each other too
    /// (``SharedCopyPairs``), where their own shared n-grams are too few.
    public let sharedCopies: Bool
    public let scoring: ReuseScoring
    /// Threads to use.
    public let threads: Int

    /// - Throws: ``ReuseError/invalidParameter(_:_:)`` for a value out of range.
    public init(
        ngram: Int = 5, maximumDocumentFrequency: Int = 100, minimumMatches: Int = 3, minimumWords: Int = 12,
        maximumGap: Int = 50, formulaFrequency: Int = 20, sharedCopies: Bool = true,
        scoring: ReuseScoring = ReuseScoring(), threads: Int? = nil
    ) throws {
        guard (2...16).contains(ngram) else { throw ReuseError.invalidParameter("n-gram size", "between 2 and 16") }
        guard maximumDocumentFrequency >= 2 else { throw ReuseError.invalidParameter("maximum document frequency", "at least 2") }
        guard minimumMatches >= 1 else { throw ReuseError.invalidParameter("minimum matches", "at least 1") }
        guard minimumWords >= 1 else { throw ReuseError.invalidParameter("minimum words", "at least 1") }
        guard maximumGap >= 1 else { throw ReuseError.invalidParameter("maximum gap", "at least 1") }
        guard formulaFrequency >= 2 else { throw ReuseError.invalidParameter("formula frequency", "at least 2") }
        guard (threads ?? 1) >= 1 else { throw ReuseError.invalidParameter("threads", "at least 1") }
        self.ngram = ngram
        self.maximumDocumentFrequency = maximumDocumentFrequency
        self.minimumMatches = minimumMatches
        self.minimumWords = minimumWords
        self.maximumGap = maximumGap
        self.formulaFrequency = formulaFrequency
        self.sharedCopies = sharedCopies
        self.scoring = scoring
        self.threads = threads ?? ProcessInfoCores.count
    }
}

/// Word-level scores of the local alignment (Smith & Waterman 1981, affine gaps after Gotoh 1982).
///
/// A run of unrelated words costs as much per word as a matching word earns, so an alignment stops
/// within a word or two of where the shared text ends; a gap of *L* words costs
/// `gapOpen + (L − 1) · gapExtend`, cheap enough per word that a dropped sentence inside a passage
/// does not split it. A variant (the same word misspelt or misread, see ``WordSimilarity``) earns
/// half a match, so OCR noise neither breaks a passage nor extends one by itself.
public struct ReuseScoring: Sendable, Hashable {
    public var match: Int32 = 4
    public var variant: Int32 = 2
    public var mismatch: Int32 = -4
    /// Two words too far apart for a variant that may still be one word badly read
    /// (``WordSimilarity/areGarbled(_:_:_:_:)``): neither a match nor evidence against one.
    public var garbled: Int32 = 0
    /// A passage scores at least this per word of its shorter side, a quarter of a match's: an
    /// alignment of a few shared phrases between substituted words (two notices on one template,
    /// different names in its slots) is not reuse, however long.
    public var minimumScorePerWord: Int32 = 1
    public var gapOpen: Int32 = 6
    public var gapExtend: Int32 = 1
    /// Words either side of the anchor path that the banded alignment explores, besides the drift
    /// between anchors.
    public var band: Int = 8

    public init() {}
}

/// A setting of the reuse search out of range.
public enum ReuseError: Error, Equatable, CustomStringConvertible {
    case invalidParameter(String, String)

    public var description: String {
        switch self {
        case let .invalidParameter(name, requirement): "the \(name) must be \(requirement)"
        }
    }
}
