public import StemmaCore

/// Pass 2 of `--verify exact`: re-reads the corpus and computes the exact shingle Jaccard and
/// containments of candidate pairs.
///
/// Pairs are checked as the later document of each pair is read. A document's shingle set is kept
/// only from its reading until its last partner's, so memory follows how far apart pairs lie in
/// the input, not the corpus size.
public struct ExactVerifier: Sendable {
    public let inputs: [String]
    public let options: DedupOptions

    public init(inputs: [String], options: DedupOptions) {
        self.inputs = inputs
        self.options = options
    }

    /// The candidate pairs (document indices) that reach the Jaccard threshold or, when set, the
    /// containment threshold, with exact figures.
    ///
    /// With `origins` for every document involved, only those records are read again (by offset);
    /// otherwise the whole corpus is read again.
    public func verify(_ candidates: [DocumentPair], origins: [RecordOrigin?]? = nil) throws -> [SimilarPair] {
        var state = VerificationState(candidates: candidates)
        let needed = Set(candidates.flatMap { [$0.a, $0.b] }).sorted()
        // Records are read in order and their shingle sets computed in parallel, a chunk at a time.
        var chunk: [(index: Int, text: [UInt8])] = []
        func drain() {
            let sets = ParallelMap.map(chunk.map(\.text), minimumCount: 64, threads: options.threads) { shingleSet($0) }
            for (entry, set) in zip(chunk, sets) { state.read(entry.index, set: set, accepts: accepts) }
            chunk.removeAll(keepingCapacity: true)
        }
        if let origins, needed.allSatisfy({ $0 < origins.count && origins[$0] != nil }) {
            let fetcher = RecordFetcher(options: options.corpus)
            for index in needed {
                guard let origin = origins[index] else { continue }
                chunk.append((index, try fetcher.text(at: origin)))
                if chunk.count == 2_048 { drain() }
            }
        } else {
            let wanted = Set(needed)
            var index = 0
            try CorpusReader(inputs: inputs, options: options.corpus).forEach(report: { _ in }) { record in
                if wanted.contains(index) { chunk.append((index, record.text)) }
                if chunk.count == 2_048 { drain() }
                index += 1
            }
        }
        drain()
        return state.verified.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }

    func accepts(_ pair: SimilarPair) -> Bool {
        pair.jaccard >= options.threshold || (options.containment.map { max(pair.containmentAB, pair.containmentBA) >= $0 } ?? false)
    }

    func shingleSet(_ text: [UInt8]) -> [UInt64] { Self.shingleSet(text, size: options.shingleSize) }

    /// A text's distinct shingle hashes, sorted.
    static func shingleSet(_ text: [UInt8], size: Int) -> [UInt64] {
        var shingles: [UInt64] = []
        text.withUnsafeBufferPointer { _ = Shingles.appendHashes(inUTF8: $0, count: size, to: &shingles) }
        return Shingles.sortedUnique(shingles)
    }

    static func exactPair(_ a: Int, _ b: Int, _ setA: [UInt64], _ setB: [UInt64]) -> SimilarPair {
        let shared = Double(ShingleOverlap(old: setA, new: setB).sharedCount)
        let union = Double(setA.count + setB.count) - shared
        return SimilarPair(a: a, b: b, jaccard: union == 0 ? 1 : shared / union,
                           containmentAB: setA.isEmpty ? 0 : shared / Double(setA.count),
                           containmentBA: setB.isEmpty ? 0 : shared / Double(setB.count), isExact: true)
    }
}

/// The pairs checked so far and the shingle sets still needed, as documents are read in order.
struct VerificationState {
    var earlierPartners: [Int: [Int]] = [:]
    var lastPartner: [Int: Int] = [:]
    var sets: [Int: [UInt64]] = [:]
    var verified: [SimilarPair] = []

    init(candidates: [DocumentPair]) {
        for pair in candidates {
            earlierPartners[pair.b, default: []].append(pair.a)
            lastPartner[pair.a] = max(lastPartner[pair.a] ?? 0, pair.b)
        }
    }

    /// Checks the pairs that `index` closes, given its shingle set, and keeps the set while later
    /// partners need it.
    mutating func read(_ index: Int, set: [UInt64], accepts: (SimilarPair) -> Bool) {
        let partners = earlierPartners[index] ?? []
        guard !partners.isEmpty || lastPartner[index] != nil else { return }
        for partner in partners {
            guard let other = sets[partner] else { continue }
            let pair = ExactVerifier.exactPair(partner, index, other, set)
            if accepts(pair) { verified.append(pair) }
            if lastPartner[partner] == index { sets[partner] = nil }
        }
        if let last = lastPartner[index], last > index { sets[index] = set }
    }
}
