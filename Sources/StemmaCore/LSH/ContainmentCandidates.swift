/// Candidate pairs for containment: a short text copied inside a long one.
///
/// Jaccard LSH misses these, since a 300-word wire story inside a 3,000-word article has a Jaccard
/// similarity near 0.1 with it. Each document keeps a bottom-k sample, its `k` smallest shingle
/// hashes. When most of A lies inside B, the smallest hashes of A are among B's shingles, and the
/// smallest of B's shingles are shared with A in proportion to |A ∩ B| / |B|; pairs that share at
/// least `minimumShared` sample hashes become candidates, to be verified exactly. A hash held by
/// more than `maximumDocuments` samples (boilerplate) is ignored, as a document-frequency cap.
public enum ContainmentCandidates {
    /// Sample hashes per document. A text 1/10 the size of the one holding it shares about
    /// `sampleSize / 10` of its samples with it, so 64 with `minimumShared` 2 finds ratios to ~20.
    public static let sampleSize = 64

    /// The `count` smallest distinct values of `hashes`.
    public static func bottom(_ hashes: [UInt64], count: Int) -> [UInt64] {
        Array(Shingles.sortedUnique(hashes).prefix(count))
    }

    /// Pairs `(a, b)`, `a < b`, whose samples share at least `minimumShared` hashes, sorted.
    ///
    /// - Complexity: O(*n·k* log(*n·k*)) plus the pairs within each hash's documents.
    public static func find(samples: [[UInt64]], minimumShared: Int = 2, maximumDocuments: Int = 100) -> [DocumentPair] {
        var entries: [(hash: UInt64, document: Int)] = []
        entries.reserveCapacity(samples.reduce(0) { $0 + $1.count })
        for (document, sample) in samples.enumerated() {
            for hash in sample { entries.append((hash, document)) }
        }
        entries.sort { ($0.hash, $0.document) < ($1.hash, $1.document) }
        var shared: [UInt64: Int] = [:]
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].hash == entries[start].hash { end += 1 }
            if end - start > 1, end - start <= maximumDocuments {
                for i in start..<end {
                    for j in (i + 1)..<end where entries[i].document != entries[j].document {
                        shared[DocumentPair(entries[i].document, entries[j].document).packed, default: 0] += 1
                    }
                }
            }
            start = end
        }
        return shared.filter { $0.value >= minimumShared }.keys.sorted().map { DocumentPair(packed: $0) }
    }
}
