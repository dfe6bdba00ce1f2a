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
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { ring in
            // A stack buffer: writing an array element here cost a uniqueness check per word.
            ring.initialize(repeating: 0)
            var state: UInt64 = 0
            var words = 0
            var slot = 0  // the ring position of the oldest key
            var isDone = false
            while !isDone {
                // Hashes are written through a pointer into room made beforehand, where `append`
                // called the runtime's uniqueness check once per word (24 M of 1,567 M instructions
                // of `stemma dedup` on 5,000 documents, callgrind). Prose has about one shingle
                // per six bytes, so the first room, a quarter of the bytes, suffices; the loop only
                // guards the bound (scripts without spaces reach one per three bytes).
                let filled = result.count
                result.append(contentsOf: repeatElement(0, count: bytes.count / 4 + 16))
                let written = result.withUnsafeMutableBufferPointer { output in
                    var index = filled
                    while index < output.count {
                        guard let key = scanner.nextWordKey() else {
                            isDone = true
                            break
                        }
                        if words >= count { state = state &- ring[slot] &* oldestWeight }
                        state = state &* polynomialBase &+ key
                        ring[slot] = key
                        slot = slot + 1 == count ? 0 : slot + 1
                        words += 1
                        if words >= count {
                            output[index] = StableHash.finalize(state &+ UInt64(count))
                            index += 1
                        }
                    }
                    return index
                }
                result.removeLast(result.count - written)
            }
            if words > 0 && words < count {
                result.append(combined(ArraySlice(ring[0..<words])))
            }
            return words
        }
    }
}
