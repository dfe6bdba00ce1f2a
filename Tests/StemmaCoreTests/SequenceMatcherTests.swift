@testable import StemmaCore
import StemmaTestSupport
import Testing

@Suite struct SequenceMatcherTests {
    func lcsLength(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    func expectValid(_ matches: [(Int, Int)], _ a: [UInt64], _ b: [UInt64]) {
        for (index, (i, j)) in matches.enumerated() {
            #expect(a[i] == b[j])
            if index > 0 {
                #expect(i > matches[index - 1].0 && j > matches[index - 1].1)
            }
        }
    }

    /// On small inputs Myers finds a longest common subsequence.
    @Test(arguments: 0..<200) func myersIsOptimalOnSmallInputs(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let a = (0..<Int.random(in: 0...60, using: &rng)).map { _ in UInt64.random(in: 0..<6, using: &rng) }
        let b = (0..<Int.random(in: 0...60, using: &rng)).map { _ in UInt64.random(in: 0..<6, using: &rng) }
        let matches = SequenceMatcher.matches(a[...], b[...])
        expectValid(matches, a, b)
        #expect(matches.count == lcsLength(a, b))
    }

    @Test func patienceAnchorsKeepLongInputsMatched() {
        let a = (0..<50_000).map { UInt64($0) }
        var b = a
        b.remove(at: 30_000)
        b.insert(999_999, at: 10_000)
        let matches = SequenceMatcher.matches(a[...], b[...])
        expectValid(matches, a, b)
        #expect(matches.count == 49_999)
    }

    @Test func uniqueAnchorsFollowTheLongestAgreeingOrder() {
        let anchors = SequenceMatcher.uniqueAnchors([1, 2, 3, 4, 5, 9, 9][...], [4, 1, 2, 3, 5, 9][...])
        #expect(anchors.map(\.0) == [0, 1, 2, 4])
        #expect(anchors.map(\.1) == [1, 2, 3, 4])
    }
}

@Suite struct RadixSortTests {
    @Test(arguments: [0, 1, 63, 64, 65, 1_000, 10_000]) func radixSortOrdersLikeTheStandardSort(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        var values = (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) }
        values += values.prefix(count / 10)  // repeats
        var sorted = values
        RadixSort.sort(&sorted)
        #expect(sorted == values.sorted())
    }
}
