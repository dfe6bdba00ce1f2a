/// Document pairs that share rare word n-grams, with the word positions where they share them.
///
/// Every document's word n-grams are hashed (the shingle hashes of ``Shingles``, one per word
/// position). The (hash, document, position) triples are sorted by hash, so that each run of equal
/// hashes lists where one n-gram occurs; a run in 2 to `maximumDocumentFrequency` documents yields
/// an anchor for every pair of its occurrences in different documents. Sorting the anchors by
/// document pair then gives each pair's shared positions, and pairs with at least `minimumMatches`
/// of them become candidates. No dictionary is built per n-gram: two radix sorts do the grouping.
///
/// The triples are split by the top bits of the hash into partitions of a few million, sorted one
/// partition per thread, which bounds memory and uses every core.
///
/// - Complexity: O(*W* + *A*) time for *W* words and *A* anchors.
public struct ReuseCandidates: Sendable {
    /// One candidate pair: documents `a < b` and their anchors, `anchors[range]`.
    public struct Pair: Sendable, Hashable {
        public var a: Int
        public var b: Int
        var range: Range<Int>
        public var matchCount: Int { range.count }
    }

    public private(set) var pairs: [Pair]
    /// Anchors of every pair, `positionA << 32 | positionB`, word positions of an n-gram's first word.
    private let anchors: [UInt64]
    /// How many documents hold the n-gram at each word of each document.
    public let frequencies: DocumentFrequencies

    /// The anchors of a pair as (word in `a`, word in `b`), sorted.
    public func anchors(of pair: Pair) -> [(Int, Int)] {
        anchors[pair.range].sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
    }

    /// Finds the candidate pairs among documents given by their n-gram hashes.
    ///
    /// - Parameter hashes: For each document, the hash of the n-gram starting at each word.
    public init(hashes: [[UInt64]], parameters: ReuseParameters) {
        let total = hashes.reduce(0) { $0 + $1.count }
        // About four million triples (64 MB, twice while sorting) per partition.
        var bits = 0
        while (1 << bits) < parameters.threads || total >> bits > 4_000_000 { bits += 1 }
        let partitionBits = bits
        let frequencies = DocumentFrequencies(wordCounts: hashes.map(\.count))
        let postings = ParallelMap.dynamicMap(count: 1 << partitionBits, threads: parameters.threads) { partition in
            Self.anchors(in: partition, bits: partitionBits, hashes: hashes, parameters: parameters, frequencies: frequencies)
        }
        self.frequencies = frequencies
        var all = postings.flatMap { $0 }
        RadixSort.sort(&all)
        var pairs: [Pair] = []
        var start = 0
        while start < all.count {
            var end = start + 1
            while end < all.count && all[end].key == all[start].key { end += 1 }
            if end - start >= parameters.minimumMatches {
                pairs.append(Pair(a: Int(all[start].key >> 32), b: Int(all[start].key & 0xFFFF_FFFF), range: start..<end))
            }
            start = end
        }
        self.pairs = pairs
        self.anchors = all.map(\.value)
    }

    /// The anchors contributed by the n-grams whose hash falls in one partition, keyed by pair.
    static func anchors(in partition: Int, bits: Int, hashes: [[UInt64]], parameters: ReuseParameters, frequencies: DocumentFrequencies) -> [KeyedValue] {
        var entries: [KeyedValue] = []
        for (document, documentHashes) in hashes.enumerated() {
            for (position, hash) in documentHashes.enumerated() where bits == 0 || Int(hash >> (64 - UInt64(bits))) == partition {
                entries.append(KeyedValue(key: hash, value: UInt64(document) << 32 | UInt64(position)))
            }
        }
        RadixSort.sort(&entries)
        var anchors: [KeyedValue] = []
        var start = 0
        while start < entries.count {
            var end = start + 1
            var documents = 1
            while end < entries.count && entries[end].key == entries[start].key {
                if entries[end].value >> 32 != entries[end - 1].value >> 32 { documents += 1 }
                end += 1
            }
            for entry in entries[start..<end] { frequencies.record(documents, at: entry.value) }
            // A phrase repeated all through a few documents would give a quadratic number of
            // anchors while telling no more than its first few: such runs are skipped as well.
            if documents >= 2 && documents <= parameters.maximumDocumentFrequency && end - start <= 4 * parameters.maximumDocumentFrequency {
                appendPairs(entries[start..<end], to: &anchors)
            }
            start = end
        }
        return anchors
    }

    /// Every pair of occurrences in different documents; entries arrive in document order.
    private static func appendPairs(_ run: ArraySlice<KeyedValue>, to anchors: inout [KeyedValue]) {
        for x in run.indices {
            let documentX = run[x].value >> 32
            for y in (x + 1)..<run.endIndex where run[y].value >> 32 != documentX {
                let documentY = run[y].value >> 32
                anchors.append(KeyedValue(key: documentX << 32 | documentY,
                                          value: (run[x].value & 0xFFFF_FFFF) << 32 | (run[y].value & 0xFFFF_FFFF)))
            }
        }
    }
}

extension Shingles {
    /// The hash of the n-gram of `count` words starting at every word of UTF-8 text, in order; empty
    /// when the text has fewer than `count` words. Hash `k` covers words `k..<k + count`, counting
    /// word-like tokens as ``Tokenizer`` does.
    public static func hashesByPosition(inUTF8 bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [UInt64] {
        var hashes: [UInt64] = []
        let words = appendHashes(inUTF8: bytes, count: count, to: &hashes)
        if words < count { hashes.removeAll() }
        return hashes
    }
}

/// The document frequency of the n-gram at every word of every document, saturating at 255: how
/// common what two documents share is, for telling formulas from reuse.
///
/// Filled by the partitions of ``ReuseCandidates`` at once, each writing the words whose n-gram
/// hash falls in it: no two write the same byte, so the storage is shared without a lock.
public final class DocumentFrequencies: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let offsets: [Int]

    init(wordCounts: [Int]) {
        var offsets = [0]
        offsets.reserveCapacity(wordCounts.count + 1)
        for count in wordCounts { offsets.append(offsets[offsets.count - 1] + count) }
        self.offsets = offsets
        storage = .allocate(capacity: max(1, offsets[offsets.count - 1]))
        storage.initialize(repeating: 1)
    }

    deinit { storage.deallocate() }

    /// Records the frequency of the n-gram at `document << 32 | position`.
    @inline(__always)
    func record(_ documents: Int, at entry: UInt64) {
        storage[offsets[Int(entry >> 32)] + Int(entry & 0xFFFF_FFFF)] = UInt8(min(documents, 255))
    }

    /// Documents holding the n-gram that starts at word `position` of `document` (1 past its last n-gram).
    public func frequency(of document: Int, at position: Int) -> Int {
        let index = offsets[document] + position
        return index < offsets[document + 1] ? Int(storage[index]) : 1
    }
}
