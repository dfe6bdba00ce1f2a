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

    /// The Levenshtein distance of two short byte strings, ASCII case folded; any value above
    /// `limit` may be returned as `limit + 1`.
    static func editDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { rows in
            var previous = UnsafeMutableBufferPointer(rebasing: rows[0...b.count])
            var current = UnsafeMutableBufferPointer(rebasing: rows[(b.count + 1)...])
            for column in 0...b.count { previous[column] = column }
            for row in 1...a.count {
                current[0] = row
                var rowMinimum = row
                let byteA = fold(a[row - 1])
                for column in 1...b.count {
                    let substitution = previous[column - 1] + (byteA == fold(b[column - 1]) ? 0 : 1)
                    let value = min(substitution, previous[column] + 1, current[column - 1] + 1)
                    current[column] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }

    @inline(__always)
    private static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
