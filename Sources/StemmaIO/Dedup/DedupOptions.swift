public import StemmaCore

/// Everything `stemma dedup` can be told.
public struct DedupOptions: Sendable {
    public enum Verification: String, Sendable, CaseIterable {
        /// Decide by the signatures, except pairs whose estimate lies within three standard errors
        /// of the threshold, which are re-read and checked exactly.
        case auto
        /// Keep candidates whose signatures' estimated Jaccard reaches the threshold: one pass.
        case estimate
        /// Re-read the candidates and compute exact shingle Jaccard and containment.
        case exact
    }

    public var threshold = 0.5
    public var shingleSize = 5
    public var permutations = 128
    public var seed: UInt64 = 1
    public var threads = ProcessInfoCores.count
    public var verification = Verification.auto
    /// Also report pairs where one document's shingles are at least this much contained in the
    /// other's, whatever their Jaccard similarity. Containment is always verified exactly.
    public var containment: Double?

    /// The verification actually used: exact whenever containment is searched for.
    public var effectiveVerification: Verification { containment == nil ? verification : .exact }
    /// Documents with fewer shingles are set aside and counted, never matched.
    public var minimumShingles = 5
    public var corpus = CorpusOptions()
    /// Keep a hash of each text, so that a later pass over the inputs can check it reads what this
    /// one did (``DedupDocument/contentHash``); computed on the sketching threads.
    public var hashesContent = false

    public init() {}

    /// Checks the parameters once, before any reading.
    public func validated() throws -> (sketcher: DocumentSketcher, search: NearDuplicateSearch) {
        if let containment, !(containment > 0 && containment <= 1) {
            throw SketchError.invalidContainment(containment)
        }
        return (try DocumentSketcher(shingleSize: shingleSize, permutations: permutations, seed: seed),
                try NearDuplicateSearch(threshold: threshold, permutations: permutations))
    }
}

/// One document of a deduplication run.
public struct DedupDocument: Sendable {
    public var id: String
    public var facts: DocumentFacts
    /// Whether it had too few shingles to be matched.
    public var isSetAside: Bool
    /// The text's ``LaneHash``, with ``DedupOptions/hashesContent``.
    public var contentHash: UInt64?
}

/// What a deduplication run found.
public struct DedupResult: Sendable {
    public var documents: [DedupDocument]
    public var pairs: [SimilarPair]
    public var families: [Family]
    public var parameters: LSHParameters
    public var candidates: Int
    /// Candidates checked exactly in a second pass (all with `exact`, the uncertain ones with `auto`).
    public var exactChecks: Int
    public var skippedRecords: Int
    public var warnings: Int
    public var bytesRead: Int
    public var seconds: Double
    public var verification: DedupOptions.Verification

    public var setAside: Int { documents.lazy.filter(\.isSetAside).count }
    /// Documents in families other than their representative: what deduplication removes.
    public var duplicates: Int { families.reduce(0) { $0 + $1.members.count - 1 } }
}
