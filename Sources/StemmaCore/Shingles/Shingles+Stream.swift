extension Shingles {
    /// Appends the shingle hashes of UTF-8 text to `result`, in text order with repeats, without
    /// building a token array: the hot path of near-duplicate detection.
    ///
    /// The hashes are the same as `hashes(of: Tokenizer.tokens(inUTF8: bytes), count:)` before it
    /// sorts and removes repeats; MinHash does not need either step, since a minimum is unchanged by
    /// order and repeats.
    ///
    /// - Returns: The number of words read.
    @discardableResult
    public static func appendHashes(inUTF8 bytes: UnsafeBufferPointer<UInt8>, count: Int, to result: inout [UInt64]) -> Int {
        precondition(count > 0 && count <= 16, "Shingle size must be between 1 and 16")
        var scanner = TokenScanner(bytes: bytes)
        var window = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
                      UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var words = 0
        withUnsafeMutableBytes(of: &window) { raw in
            let ring = raw.bindMemory(to: UInt64.self)
            while let token = scanner.next() {
                guard token.isWordLike else { continue }
                ring[words % count] = token.key
                words += 1
                if words >= count {
                    result.append(combinedRing(ring, start: words % count, count: count))
                }
            }
            if words > 0 && words < count {
                result.append(combined(Array(ring[0..<words])[...]))
            }
        }
        return words
    }

    /// `combined` over a ring buffer whose oldest key is at `start`.
    @inline(__always)
    static func combinedRing(_ ring: UnsafeMutableBufferPointer<UInt64>, start: Int, count: Int) -> UInt64 {
        var state = UInt64(count)
        var index = start
        for _ in 0..<count {
            state = ((state &* 0x9e37_79b9_7f4a_7c15) ^ ring[index]).rotatedLeft(by: 27)
            index = index + 1 == count ? 0 : index + 1
        }
        return StableHash.finalize(state)
    }
}
