/// Word n-gram shingles: the hashes of every run of `count` consecutive words.
///
/// Each word's key is already a hash of its normalized bytes; a shingle hash combines `count` keys
/// in order, so no shingle string is ever built. Punctuation is skipped. A text with fewer words than
/// `count` yields one shingle of all its words, so that short texts still compare.
public enum Shingles {
    /// The distinct shingle hashes of the word tokens.
    public static func hashes(of tokens: some Sequence<Token>, count: Int) -> Set<UInt64> {
        precondition(count > 0, "Shingle size must be positive")
        let words = tokens.filter(\.isWordLike).map(\.key)
        guard !words.isEmpty else { return [] }
        guard words.count >= count else { return [combined(words[...])] }
        var result = Set<UInt64>(minimumCapacity: words.count - count + 1)
        for start in 0...(words.count - count) {
            result.insert(combined(words[start..<(start + count)]))
        }
        return result
    }

    static func combined(_ keys: ArraySlice<UInt64>) -> UInt64 {
        keys.reduce(UInt64(keys.count)) { StableHash.combine($0, $1) }
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

    public init(old: Set<UInt64>, new: Set<UInt64>) {
        let shared = Double(old.intersection(new).count)
        let union = Double(old.count + new.count) - shared
        jaccard = union == 0 ? 1 : shared / union
        containmentOfOldInNew = old.isEmpty ? (new.isEmpty ? 1 : 0) : shared / Double(old.count)
        containmentOfNewInOld = new.isEmpty ? (old.isEmpty ? 1 : 0) : shared / Double(new.count)
    }
}
