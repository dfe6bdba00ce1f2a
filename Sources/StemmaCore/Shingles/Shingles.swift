/// Word n-gram shingles: the hashes of every run of `count` consecutive words.
///
/// Each word's key is already a hash of its normalized bytes; a shingle hash combines `count` keys
/// in order, so no shingle string is ever built. Punctuation is skipped. A text with fewer words than
/// `count` yields one shingle of all its words, so that short texts still compare.
public enum Shingles {
    /// The distinct shingle hashes of the word tokens, sorted.
    ///
    /// A sorted array rather than a `Set`: sorting and comparing by merge costs less than hashing
    /// every shingle again, and the result is the same on every run.
    public static func hashes(of tokens: some Sequence<Token>, count: Int) -> [UInt64] {
        precondition(count > 0, "Shingle size must be positive")
        let words = tokens.filter(\.isWordLike).map(\.key)
        guard !words.isEmpty else { return [] }
        guard words.count >= count else { return [combined(words[...])] }
        return sortedUnique((0...(words.count - count)).map { combined(words[$0..<($0 + count)]) })
    }

    /// Shingle hashes sorted, without repeats: a set to compare by merging.
    public static func sortedUnique(_ hashes: [UInt64]) -> [UInt64] {
        var hashes = hashes
        RadixSort.sort(&hashes)
        return hashes.uniqued()
    }

    /// A shingle's hash: the polynomial `Σ keyᵢ · P^(n−1−i) + n` over its `n` word keys (mod 2⁶⁴, `P`
    /// odd), then one SplitMix64 finalisation. The polynomial form lets a sliding window update in
    /// two multiplications (`Shingles.appendHashes`). Persisted by later stages: this definition
    /// must not change without a format version.
    @inline(__always)
    static func combined(_ keys: ArraySlice<UInt64>) -> UInt64 {
        var state: UInt64 = 0
        for key in keys { state = state &* polynomialBase &+ key }
        return StableHash.finalize(state &+ UInt64(keys.count))
    }

    static let polynomialBase: UInt64 = 0x9e37_79b9_7f4a_7c15

    /// `polynomialBase` to the power `exponent`, mod 2⁶⁴.
    static func basePower(_ exponent: Int) -> UInt64 {
        (0..<exponent).reduce(UInt64(1)) { power, _ in power &* polynomialBase }
    }
}

/// How much of two texts is shared, from word 5-gram shingles.
public struct ShingleOverlap: Sendable, Hashable, Codable {
    /// |A ∩ B| / |A ∪ B|.
    public var jaccard: Double
    /// |A ∩ B| / |A|: how much of the old text is found in the new.
    public var containmentOfOldInNew: Double
    /// |A ∩ B| / |B|: how much of the new text is found in the old.
    public var containmentOfNewInOld: Double
    /// |A ∩ B|.
    public var sharedCount: Int

    /// The overlap of two sorted lists of distinct shingle hashes.
    public init(old: [UInt64], new: [UInt64]) {
        let shared = Double(Self.sharedCount(old, new))
        sharedCount = Int(shared)
        let union = Double(old.count + new.count) - shared
        jaccard = union == 0 ? 1 : shared / union
        containmentOfOldInNew = old.isEmpty ? (new.isEmpty ? 1 : 0) : shared / Double(old.count)
        containmentOfNewInOld = new.isEmpty ? (old.isEmpty ? 1 : 0) : shared / Double(new.count)
    }
}

extension ShingleOverlap {
    static func sharedCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }
}

extension Array where Element: Equatable {
    /// The sorted array without repeats.
    func uniqued() -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(count)
        for element in self where result.last != element {
            result.append(element)
        }
        return result
    }
}

