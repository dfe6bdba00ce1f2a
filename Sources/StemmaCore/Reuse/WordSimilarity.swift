/// Whether two different words are variants of one: the same word misspelt, misread by OCR
/// (`which`/`winch`, `the`/`tlie`), or changed in one letter.
///
/// Words of at least four bytes may differ by one edit (Levenshtein 1966: insert, delete or
/// substitute a byte, ASCII case ignored), words of eight or more by two. Shorter words are never
/// variants: `the`/`she` or `on`/`in` are different words, and at that length a single edit is as
/// likely to make another word as a misreading. Most pairs are rejected by length and letter set
/// before any edit distance is computed: an edit changes the letter set by at most two letters.
enum WordSimilarity {
    static let longestCompared = 48

    static func areVariants(_ a: UnsafeBufferPointer<UInt8>, _ shapeA: WordShape, _ b: UnsafeBufferPointer<UInt8>, _ shapeB: WordShape) -> Bool {
        let shorter = Int(min(shapeA.length, shapeB.length)), longer = Int(max(shapeA.length, shapeB.length))
        guard shorter >= 4, longer <= longestCompared else { return false }
        let allowed = longer >= 8 ? 2 : 1
        guard longer - shorter <= allowed, (shapeA.letters ^ shapeB.letters).nonzeroBitCount <= 2 * allowed else { return false }
        return editDistance(a, b, atMost: allowed) <= allowed
    }

    /// Whether two words that are not variants may still be one word read badly: OCR garbage
    /// such as `rcsidnce` for `residence`, or `tbc` for `the`, rather than two different words.
    ///
    /// Both words have at least three bytes, lengths within a third of the longer, and share at
    /// least half of their letter pairs (Dice's coefficient over the hashed bigrams of
    /// ``WordShape``). Different words rarely pass: `audit` and `nurse` share none. An edit
    /// distance here took a sixth of `stemma reuse`'s time, as most cells of an alignment compare
    /// different words.
    static func areGarbled(_ shapeA: WordShape, _ shapeB: WordShape) -> Bool {
        let shorter = Int(min(shapeA.length, shapeB.length)), longer = Int(max(shapeA.length, shapeB.length))
        guard shorter >= 3, 3 * (longer - shorter) <= longer else { return false }
        return 4 * (shapeA.bigrams & shapeB.bigrams).nonzeroBitCount >= shapeA.bigrams.nonzeroBitCount + shapeB.bigrams.nonzeroBitCount
    }

    /// The Levenshtein distance of two short byte strings (at most 64 bytes; callers keep to
    /// `longestCompared`), ASCII case folded; any value above `limit` may be returned as `limit + 1`.
    ///
    /// Bit-parallel (Myers 1999, in Hyyrö's 2001 form for the distance of whole strings): one column
    /// of the distance table per byte of `b`, as the bits of two words, in about ten operations.
    /// The table-filling form took 15% of `stemma reuse`'s time on a newspaper corpus (perf), where
    /// the aligner asks for many word pairs that turn out far apart.
    static func editDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int {
        guard !a.isEmpty else { return min(b.count, limit + 1) }
        guard !b.isEmpty else { return min(a.count, limit + 1) }
        let length = min(a.count, 64)
        let last = UInt64(1) << UInt64(length - 1)
        var positive = UInt64.max, negative: UInt64 = 0
        var distance = length
        for byte in b {
            let target = fold(byte)
            var equal: UInt64 = 0
            for index in 0..<length where fold(a[index]) == target { equal |= 1 << UInt64(index) }
            let vertical = equal | negative
            let horizontal = (((equal & positive) &+ positive) ^ positive) | equal
            var horizontalPositive = negative | ~(horizontal | positive)
            var horizontalNegative = positive & horizontal
            if horizontalPositive & last != 0 { distance += 1 } else if horizontalNegative & last != 0 { distance -= 1 }
            horizontalPositive = (horizontalPositive << 1) | 1
            horizontalNegative <<= 1
            positive = horizontalNegative | ~(vertical | horizontalPositive)
            negative = horizontalPositive & vertical
        }
        return min(distance + (a.count - length), limit + 1)
    }

    @inline(__always)
    private static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
