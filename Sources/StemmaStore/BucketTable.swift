import CStemmaKernels

/// One band's bucket entries in memory, sorted by (key, version), with a directory on the top
/// bits of the key: keys are uniform 64-bit hashes, so the directory narrows a lookup to a few
/// entries and a lookup costs about two cache misses instead of a binary search's twenty.
struct BucketTable {
    private(set) var entries: [BucketEntry]
    /// `directory[p]` is the index of the first entry whose key's top `bits` bits (of the key
    /// with its sign bit flipped, so that signed order is unsigned order) are at least `p`.
    private var directory: [Int32]
    private var bits: Int

    init(sorted entries: [BucketEntry] = []) {
        self.entries = entries
        directory = []
        bits = 0
        buildDirectory()
    }

    private mutating func buildDirectory() {
        precondition(entries.count < Int(Int32.max), "A band holds too many entries for one table")
        // About eight entries per directory slot.
        bits = max(0, min(22, Int.bitWidth - (entries.count / 8).leadingZeroBitCount))
        directory = Array(repeating: 0, count: (1 << bits) + 1)
        var index = 0
        for prefix in 0...(1 << bits) {
            while index < entries.count, Self.prefix(of: entries[index].key, bits: bits) < prefix { index += 1 }
            directory[prefix] = Int32(index)
        }
    }

    private static func prefix(of key: Int64, bits: Int) -> Int {
        bits == 0 ? 0 : Int((UInt64(bitPattern: key) ^ (1 << 63)) >> UInt64(64 - bits))
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Starts loading the entries where `key` would be, for a ``versions(of:found:)`` a few keys
    /// later: a batch's keys, in order, land a page apart in a table of millions of entries, so
    /// each lookup otherwise waits for a TLB and a cache miss.
    func prefetch(_ key: Int64) {
        let start = Int(directory[Self.prefix(of: key, bits: bits)])
        guard start < entries.count else { return }
        entries.withUnsafeBufferPointer { stemma_prefetch($0.baseAddress! + start) }
    }

    /// Calls `found` with the versions of `key`, oldest first, and returns how many there were.
    @discardableResult
    func versions(of key: Int64, found: (Int64) -> Void) -> Int {
        let prefix = Self.prefix(of: key, bits: bits)
        var low = Int(directory[prefix]), high = Int(directory[prefix + 1])
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        var count = 0
        while low < entries.count, entries[low].key == key {
            found(entries[low].version)
            low += 1
            count += 1
        }
        return count
    }

    /// Merges `newer` (sorted) into the table, keeping at most `cap` entries per key, the oldest.
    ///
    /// In place, from the back, into the grown array: a fresh array per merge made the page faults
    /// of a million-document add cost seconds (each commit merged into 26 tables of 16 MB).
    ///
    /// - Complexity: O(*n* + *m*).
    mutating func merge(_ newer: [BucketEntry], cap: Int) {
        guard !newer.isEmpty else { return }
        let oldCount = entries.count
        entries.append(contentsOf: newer)
        var write = entries.count, i = oldCount, j = newer.count
        while j > 0 {
            write -= 1
            if i > 0, newer[j - 1] < entries[i - 1] { entries[write] = entries[i - 1]; i -= 1 } else { entries[write] = newer[j - 1]; j -= 1 }
        }
        dropEntriesOverCap(cap)
        buildDirectory()
    }

    /// Removes the entries of a key after its first `cap`, in one forward pass.
    private mutating func dropEntriesOverCap(_ cap: Int) {
        var kept = 0, run = 0
        for index in entries.indices {
            run = index > 0 && entries[index].key == entries[index - 1].key ? run + 1 : 1
            guard run <= cap else { continue }
            if kept != index { entries[kept] = entries[index] }
            kept += 1
        }
        entries.removeLast(entries.count - kept)
    }
}
