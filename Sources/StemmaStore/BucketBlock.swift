import Foundation

/// The byte layout of a `bucketBlock.entries` blob: count UInt32 LE, then count × (key Int64 LE,
/// version Int64 LE), sorted by (key, version) in signed order.
///
/// A block holds at most ``maximumEntries``, so that a row (about 4 KB) stays inside its 16 KiB
/// B-tree page instead of spilling to overflow pages (SQLite keeps up to about 4,080 bytes of an
/// index-tree cell local at that page size). One key's entries never span two blocks, so a key is
/// found with one seek: the block with the greatest `firstKey` not above it.
enum BucketBlock {
    static let maximumEntries = 250
    static let entrySize = 16
    static let headerSize = 4

    static func encode(_ entries: ArraySlice<BucketEntry>) -> Data {
        var bytes = [UInt8](repeating: 0, count: headerSize + entrySize * entries.count)
        bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: UInt32(entries.count).littleEndian, toByteOffset: 0, as: UInt32.self)
            for (index, entry) in entries.enumerated() {
                let offset = headerSize + entrySize * index
                raw.storeBytes(of: entry.key.littleEndian, toByteOffset: offset, as: Int64.self)
                raw.storeBytes(of: entry.version.littleEndian, toByteOffset: offset + 8, as: Int64.self)
            }
        }
        return Data(bytes)
    }

    /// The number of entries of a blob, or nil when its length does not match its header.
    static func count(of raw: UnsafeRawBufferPointer) -> Int? {
        guard raw.count >= headerSize else { return nil }
        let count = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
        return raw.count == headerSize + entrySize * count ? count : nil
    }

    static func key(at index: Int, in raw: UnsafeRawBufferPointer) -> Int64 {
        Int64(littleEndian: raw.loadUnaligned(fromByteOffset: headerSize + entrySize * index, as: Int64.self))
    }

    static func version(at index: Int, in raw: UnsafeRawBufferPointer) -> Int64 {
        Int64(littleEndian: raw.loadUnaligned(fromByteOffset: headerSize + entrySize * index + 8, as: Int64.self))
    }

    /// Appends the entries of a blob to `entries`.
    ///
    /// - Throws: ``StoreError/corruptBucketBlock`` for a blob whose length does not match its count.
    static func decode(_ raw: UnsafeRawBufferPointer, into entries: inout [BucketEntry]) throws {
        guard let count = count(of: raw) else { throw StoreError.corruptBucketBlock(bytes: raw.count) }
        for index in 0..<count {
            entries.append(BucketEntry(key: key(at: index, in: raw), version: version(at: index, in: raw)))
        }
    }

    /// Calls `found` with the versions of `key` in a blob, in order.
    static func versions(of key: Int64, in raw: UnsafeRawBufferPointer, found: (Int64) -> Void) throws {
        guard let count = count(of: raw) else { throw StoreError.corruptBucketBlock(bytes: raw.count) }
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if BucketBlock.key(at: middle, in: raw) < key { low = middle + 1 } else { high = middle }
        }
        while low < count, BucketBlock.key(at: low, in: raw) == key {
            found(version(at: low, in: raw))
            low += 1
        }
    }

    /// The ends of the blocks `entries` (sorted) is cut into: at most ``maximumEntries`` each, and
    /// a key's entries (at most `cap`, fewer than a block holds) never split.
    static func cuts(of entries: [BucketEntry]) -> [Int] {
        var ends: [Int] = []
        var start = 0
        while start < entries.count {
            var end = min(start + maximumEntries, entries.count)
            if end < entries.count {
                // Back up to the first entry of the key that straddles the cut.
                let straddling = entries[end].key
                var keyStart = end
                while keyStart > start, entries[keyStart - 1].key == straddling { keyStart -= 1 }
                precondition(keyStart > start, "A key has more entries than a bucket block holds")
                end = keyStart
            }
            ends.append(end)
            start = end
        }
        return ends
    }
}
