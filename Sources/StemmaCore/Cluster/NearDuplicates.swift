/// A pair of near-duplicate documents and how much they share.
public struct SimilarPair: Sendable, Hashable {
    public var a: Int
    public var b: Int
    /// The Jaccard similarity of their shingle sets, estimated from signatures or exact.
    public var jaccard: Double
    /// How much of `a`'s shingle set is in `b`'s: |A ∩ B| / |A|.
    public var containmentAB: Double
    /// How much of `b`'s shingle set is in `a`'s: |A ∩ B| / |B|.
    public var containmentBA: Double
    /// Whether the figures are exact rather than estimated from signatures.
    public var isExact: Bool

    public init(a: Int, b: Int, jaccard: Double, containmentAB: Double, containmentBA: Double, isExact: Bool) {
        self.a = a
        self.b = b
        self.jaccard = jaccard
        self.containmentAB = containmentAB
        self.containmentBA = containmentBA
        self.isExact = isExact
    }

    /// Containments from a Jaccard estimate and the two set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
    public init(a: Int, b: Int, estimatedJaccard jaccard: Double, sizeA: Int, sizeB: Int) {
        let intersection = jaccard * Double(sizeA + sizeB) / (1 + jaccard)
        self.init(a: a, b: b, jaccard: jaccard,
                  containmentAB: sizeA == 0 ? 0 : min(1, intersection / Double(sizeA)),
                  containmentBA: sizeB == 0 ? 0 : min(1, intersection / Double(sizeB)), isExact: false)
    }
}

/// What the families step needs to know of each document.
public struct DocumentFacts: Sendable, Hashable {
    /// The number of shingles (with repeats), the size used for containment estimates.
    public var shingles: Int
    /// The length of the text in bytes; the longest member represents an undated family.
    public var bytes: Int
    /// An ISO 8601 date; the earliest dated member represents a family.
    public var date: String?

    public init(shingles: Int, bytes: Int, date: String? = nil) {
        self.shingles = shingles
        self.bytes = bytes
        self.date = date
    }
}

/// A group of documents that are versions or copies of each other.
public struct Family: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var document: Int
        /// Estimated Jaccard similarity to the representative (1 for the representative).
        public var similarity: Double

        public init(document: Int, similarity: Double) {
            self.document = document
            self.similarity = similarity
        }
    }

    /// The earliest dated member, else the longest, else the first.
    public var representative: Int
    /// Every member, the representative first, then in document order.
    public var members: [Member]

    public init(representative: Int, members: [Member]) {
        self.representative = representative
        self.members = members
    }
}

/// Which member of a family to keep when writing a deduplicated corpus.
public enum KeepPolicy: String, Sendable, CaseIterable, Codable {
    case earliest, longest, first

    /// The member this policy keeps: earliest falls back to longest for undated families.
    public func choose(among documents: [Int], facts: [DocumentFacts]) -> Int {
        switch self {
        case .first:
            return documents.min() ?? 0
        case .longest:
            return documents.max { (facts[$0].bytes, -$0) < (facts[$1].bytes, -$1) } ?? 0
        case .earliest:
            let dated = documents.filter { facts[$0].date != nil }
            guard !dated.isEmpty else { return KeepPolicy.longest.choose(among: documents, facts: facts) }
            return dated.min { (facts[$0].date ?? "", $0) < (facts[$1].date ?? "", $1) } ?? 0
        }
    }
}

/// Near-duplicate detection over signatures: LSH candidates, verification, families.
///
/// ```swift
/// let search = try NearDuplicateSearch(threshold: 0.5, permutations: 128)
/// let pairs = search.verifiedPairs(search.candidates(in: matrix), matrix: matrix, facts: facts)
/// let families = search.families(of: pairs, facts: facts, matrix: matrix)
/// ```
public struct NearDuplicateSearch: Sendable {
    public let parameters: LSHParameters

    public init(threshold: Double, permutations: Int) throws {
        parameters = try LSHParameters(threshold: threshold, permutations: permutations)
    }

    public func candidates(in matrix: SignatureMatrix) -> [DocumentPair] {
        CandidatePairs.find(in: matrix, parameters: parameters)
    }

    /// The candidates whose estimated Jaccard similarity reaches the threshold.
    public func verifiedPairs(_ candidates: [DocumentPair], matrix: SignatureMatrix, facts: [DocumentFacts]) -> [SimilarPair] {
        triage(candidates, matrix: matrix, facts: facts, margin: 0).accepted
    }

    /// Sorts candidates by their estimated Jaccard similarity: accepted at or above
    /// `threshold + margin`, uncertain strictly between `threshold − margin` and that, rejected
    /// below. With a margin of zero nothing is uncertain.
    public func triage(_ candidates: [DocumentPair], matrix: SignatureMatrix, facts: [DocumentFacts], margin: Double)
        -> (accepted: [SimilarPair], uncertain: [DocumentPair])
    {
        let threshold = parameters.threshold
        let decisions = ParallelMap.map(candidates, minimumCount: 16_384) { pair -> (SimilarPair?, Bool) in
            let jaccard = matrix.estimatedJaccard(pair.a, pair.b)
            if jaccard >= threshold + margin {
                let accepted = SimilarPair(a: pair.a, b: pair.b, estimatedJaccard: jaccard,
                                           sizeA: facts[pair.a].shingles, sizeB: facts[pair.b].shingles)
                return (accepted, false)
            }
            return (nil, margin > 0 && jaccard > threshold - margin)
        }
        var accepted: [SimilarPair] = []
        var uncertain: [DocumentPair] = []
        for (candidate, (pair, isUncertain)) in zip(candidates, decisions) {
            if let pair { accepted.append(pair) } else if isUncertain { uncertain.append(candidate) }
        }
        return (accepted, uncertain)
    }

    /// Three standard errors of a Jaccard estimate at the threshold: within this distance the
    /// signatures cannot decide, and `--verify auto` checks exactly.
    public var uncertaintyMargin: Double {
        let t = parameters.threshold
        return 3 * (t * (1 - t) / Double(parameters.permutations)).squareRoot()
    }

    /// Families from verified pairs: connected components, each with its representative chosen
    /// after all unions (earliest dated, else longest, else first) and every member's estimated
    /// similarity to it. Ordered largest first, then by representative.
    public func families(of pairs: [SimilarPair], facts: [DocumentFacts], matrix: SignatureMatrix) -> [Family] {
        var sets = UnionFind(count: facts.count)
        for pair in pairs { sets.union(pair.a, pair.b) }
        let families = sets.groups().map { documents -> Family in
            let representative = KeepPolicy.earliest.choose(among: documents, facts: facts)
            let others = documents.filter { $0 != representative }.map {
                Family.Member(document: $0, similarity: matrix.estimatedJaccard(representative, $0))
            }
            return Family(representative: representative, members: [Family.Member(document: representative, similarity: 1)] + others)
        }
        return families.sorted { ($0.members.count, -$0.representative) > ($1.members.count, -$1.representative) }
    }
}
