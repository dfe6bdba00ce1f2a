/// One LSH bucket entry of a band: the bucket key (the band's hash, as a signed integer so that
/// SQLite and Swift order it alike) and a `documentVersion` row id.
struct BucketEntry: Comparable, Hashable {
    var key: Int64
    var version: Int64

    static func < (lhs: BucketEntry, rhs: BucketEntry) -> Bool {
        (lhs.key, lhs.version) < (rhs.key, rhs.version)
    }
}

extension Array where Element == BucketEntry {
    /// Merges two arrays sorted by (key, version), keeping at most `cap` entries of each key, the
    /// oldest (smallest versions) first.
    ///
    /// - Complexity: O(*n* + *m*).
    func merged(with other: [BucketEntry], cap: Int) -> [BucketEntry] {
        var result: [BucketEntry] = []
        result.reserveCapacity(count + other.count)
        var i = startIndex, j = other.startIndex
        var currentKey: Int64?
        var taken = 0
        func take(_ entry: BucketEntry) {
            if entry.key != currentKey { (currentKey, taken) = (entry.key, 0) }
            taken += 1
            if taken <= cap { result.append(entry) }
        }
        while i < endIndex, j < other.endIndex {
            if other[j] < self[i] { take(other[j]); j += 1 } else { take(self[i]); i += 1 }
        }
        while i < endIndex { take(self[i]); i += 1 }
        while j < other.endIndex { take(other[j]); j += 1 }
        return result
    }
}
