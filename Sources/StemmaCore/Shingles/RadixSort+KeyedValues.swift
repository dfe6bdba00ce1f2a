/// A 64-bit key with a 64-bit payload, sorted by key: an n-gram hash with the document and position
/// it occurs at, or a document pair with the positions an n-gram occupies in both.
package struct KeyedValue: Sendable, Hashable {
    package var key: UInt64
    package var value: UInt64

    package init(key: UInt64, value: UInt64) {
        self.key = key
        self.value = value
    }
}

extension RadixSort {
    /// Sorts by key, stably: equal keys keep their order, which the callers rely on to keep postings
    /// in document order without sorting by the payload too.
    ///
    /// A pass whose digit is the same for every key (the high bits of a partition, or of document
    /// numbers below 2²⁴) moves nothing and is skipped.
    ///
    /// - Complexity: O(*n*) time, O(*n*) extra memory.
    package static func sort(_ items: inout [KeyedValue]) {
        guard items.count > 64 else {
            // Keys and payloads together give the stable order, since payloads arrive ascending.
            items.sort { ($0.key, $0.value) < ($1.key, $1.value) }
            return
        }
        var buffer = [KeyedValue](repeating: KeyedValue(key: 0, value: 0), count: items.count)
        var counts = [Int](repeating: 0, count: 256)
        for pass in 0..<8 {
            let shift = UInt64(pass * 8)
            let moved = items.withUnsafeMutableBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for index in 0..<256 { counts[index] = 0 }
                        for item in source { counts[Int(truncatingIfNeeded: item.key >> shift) & 0xFF] += 1 }
                        if counts.contains(source.count) { return false }
                        var total = 0
                        for index in 0..<256 {
                            let count = counts[index]
                            counts[index] = total
                            total += count
                        }
                        for item in source {
                            let digit = Int(truncatingIfNeeded: item.key >> shift) & 0xFF
                            target[counts[digit]] = item
                            counts[digit] += 1
                        }
                        return true
                    }
                }
            }
            if moved { swap(&items, &buffer) }
        }
    }
}
