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
        // The window's polynomial slides in O(1): drop the oldest key's term, shift, add the new key.
        let oldestWeight = basePower(count - 1)
        // At most one shingle per two bytes: reserving once keeps `append` from growing the array.
        result.reserveCapacity(result.count + bytes.count / 2 + 1)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { ring in
            // A stack buffer: writing an array element here cost a uniqueness check per word.
            ring.initialize(repeating: 0)
            var state: UInt64 = 0
            var words = 0
            var slot = 0  // the ring position of the oldest key
            while let key = scanner.nextWordKey() {
                if words >= count { state = state &- ring[slot] &* oldestWeight }
                state = state &* polynomialBase &+ key
                ring[slot] = key
                slot = slot + 1 == count ? 0 : slot + 1
                words += 1
                if words >= count {
                    result.append(StableHash.finalize(state &+ UInt64(count)))
                }
            }
            if words > 0 && words < count {
                result.append(combined(ArraySlice(ring[0..<words])))
            }
            return words
        }
    }
}
