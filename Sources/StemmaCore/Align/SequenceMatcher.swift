/// Finds the longest run of matching elements between two sequences of keys, near-linearly.
///
/// Shared by the sentence aligner (keys are sentence identities) and the word diff (keys are token
/// keys). Common prefixes and suffixes are matched first. Small remainders go to Myers' O(ND)
/// algorithm (Myers 1986) with a cap on the edit distance; large ones are first cut at elements
/// that are unique on both sides and whose order agrees (patience diff, after Bram Cohen), which keeps
/// long, mostly equal inputs near-linear. A remainder that has no unique anchors and whose edit
/// distance passes the cap yields no matches: it is reported as replaced rather than costing
/// quadratic time.
public enum SequenceMatcher {
    /// Inputs up to this many elements (both sides together) try Myers before patience anchors.
    static let myersSizeLimit = 4_096
    /// Myers gives up past this many insertions and deletions.
    static let maximumEdits = 1_000

    /// Matching index pairs `(i, j)` with `a[i] == b[j]`, increasing in both, as absolute indices.
    ///
    /// - Complexity: O((*n* + *m*) log *n*) for inputs cut by unique anchors; O((*n* + *m*) · *D*) with
    ///   *D* ≤ 1,000 edits for small remainders.
    public static func matches(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        collect(a, b, into: &result)
        return result
    }

    static func collect(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>, into result: inout [(Int, Int)]) {
        var aStart = a.startIndex, bStart = b.startIndex
        var aEnd = a.endIndex, bEnd = b.endIndex
        while aStart < aEnd, bStart < bEnd, a[aStart] == b[bStart] {
            result.append((aStart, bStart))
            aStart += 1
            bStart += 1
        }
        var suffix: [(Int, Int)] = []
        while aEnd > aStart, bEnd > bStart, a[aEnd - 1] == b[bEnd - 1] {
            aEnd -= 1
            bEnd -= 1
            suffix.append((aEnd, bEnd))
        }
        let innerA = a[aStart..<aEnd], innerB = b[bStart..<bEnd]
        if !innerA.isEmpty, !innerB.isEmpty {
            collectInner(innerA, innerB, into: &result)
        }
        result.append(contentsOf: suffix.reversed())
    }

    private static func collectInner(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>, into result: inout [(Int, Int)]) {
        if a.count + b.count <= myersSizeLimit, let matched = myers(a, b, maximumEdits: maximumEdits) {
            result.append(contentsOf: matched)
            return
        }
        let anchors = uniqueAnchors(a, b)
        guard !anchors.isEmpty else { return }
        var aFrom = a.startIndex, bFrom = b.startIndex
        for (i, j) in anchors {
            collect(a[aFrom..<i], b[bFrom..<j], into: &result)
            result.append((i, j))
            aFrom = i + 1
            bFrom = j + 1
        }
        collect(a[aFrom...], b[bFrom...], into: &result)
    }

    /// The pairs of elements unique in both sequences, keeping the longest subsequence whose order
    /// agrees on both sides.
    public static func uniqueAnchors(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> [(Int, Int)] {
        var seen: [UInt64: (a: Int, b: Int, countA: Int, countB: Int)] = [:]
        seen.reserveCapacity(a.count)
        for index in a.indices {
            seen[a[index], default: (index, -1, 0, 0)].countA += 1
        }
        for index in b.indices {
            guard var entry = seen[b[index]] else { continue }
            entry.countB += 1
            entry.b = index
            seen[b[index]] = entry
        }
        var candidates: [(Int, Int)] = []
        for index in b.indices {
            guard let entry = seen[b[index]], entry.countA == 1, entry.countB == 1 else { continue }
            candidates.append((entry.a, index))
        }
        return longestIncreasing(candidates)
    }

    /// The longest subsequence of pairs (ordered by their second element) whose first elements increase.
    static func longestIncreasing(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
        guard !pairs.isEmpty else { return [] }
        var tails: [Int] = []  // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[tails[middle]].0 < pair.0 { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var result: [(Int, Int)] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            result.append(pairs[cursor])
            cursor = previous[cursor]
        }
        return result.reversed()
    }
}
