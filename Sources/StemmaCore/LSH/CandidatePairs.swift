/// Pairs of documents that share at least one LSH band of their signatures.
///
/// Each band's keys are hashed, tagged with the document index in their low bits and radix sorted,
/// so documents with equal keys become neighbours without a hash table. A bucket with more than
/// `maximumBucketSize` documents (boilerplate shared by hundreds of pages) contributes each member
/// paired with the bucket's first document only: enough to join them into one family, without
/// quadratically many pairs. Bands are processed on all cores.
public enum CandidatePairs {
    /// The candidate pairs `(a, b)` with `a < b`, each once, sorted.
    ///
    /// - Complexity: O(*n* · *b*) for *n* documents and *b* bands, plus the pairs found.
    public static func find(in matrix: SignatureMatrix, parameters: LSHParameters, maximumBucketSize: Int = 64) -> [DocumentPair] {
        precondition(parameters.permutations == matrix.permutations, "LSH parameters and signatures differ in permutations")
        let count = matrix.count
        guard count > 1 else { return [] }
        let indexBits = UInt64(max(1, Int.bitWidth - (count - 1).leadingZeroBitCount))
        let perBand = ParallelMap.map(Array(0..<parameters.bands), minimumCount: 2) { band in
            pairs(inBand: band, matrix: matrix, rows: parameters.rows, indexBits: indexBits, maximumBucketSize: maximumBucketSize)
        }
        var all = perBand.flatMap { $0 }
        RadixSort.sort(&all)
        return all.uniqued().map { DocumentPair(packed: $0) }
    }

    static func pairs(inBand band: Int, matrix: SignatureMatrix, rows: Int, indexBits: UInt64, maximumBucketSize: Int) -> [UInt64] {
        let count = matrix.count, k = matrix.permutations
        let indexMask: UInt64 = (1 << indexBits) - 1
        var keys = [UInt64](repeating: 0, count: count)
        matrix.values.withUnsafeBufferPointer { values in
            for document in 0..<count {
                let signature = UnsafeBufferPointer(rebasing: values[(document * k)..<((document + 1) * k)])
                keys[document] = (LSHParameters.bandKey(band, rows: rows, of: signature) & ~indexMask) | UInt64(document)
            }
        }
        RadixSort.sort(&keys)
        var pairs: [UInt64] = []
        var runStart = 0
        for index in 1...count {
            guard index == count || keys[index] & ~indexMask != keys[runStart] & ~indexMask else { continue }
            let run = keys[runStart..<index].map { Int($0 & indexMask) }
            if run.count > 1 {
                if run.count <= maximumBucketSize {
                    for i in 0..<run.count {
                        for j in (i + 1)..<run.count { pairs.append(DocumentPair(run[i], run[j]).packed) }
                    }
                } else {
                    for j in 1..<run.count { pairs.append(DocumentPair(run[0], run[j]).packed) }
                }
            }
            runStart = index
        }
        return pairs
    }
}

/// Two document indices, the smaller first.
public struct DocumentPair: Sendable, Hashable {
    public let a: Int
    public let b: Int

    public init(_ first: Int, _ second: Int) {
        a = min(first, second)
        b = max(first, second)
    }

    package init(packed: UInt64) {
        a = Int(packed >> 32)
        b = Int(packed & 0xFFFF_FFFF)
    }

    package var packed: UInt64 { UInt64(a) << 32 | UInt64(b) }
}
