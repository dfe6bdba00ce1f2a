@testable import StemmaCore
import Testing

@Suite struct ParallelMapTests {
    @Test(arguments: [0, 1, 100, 4_095, 4_096, 50_001]) func mapKeepsTheInputOrderAboveAndBelowTheParallelThreshold(count: Int) {
        let items = Array(0..<count)
        #expect(ParallelMap.map(items, minimumCount: 4_096) { $0 * 3 } == items.map { $0 * 3 })
    }

    @Test func bothReturnsTheResultsOfBothClosures() {
        let (a, b) = ParallelMap.both({ (1...1_000).reduce(0, +) }, { "done" })
        #expect(a == 500_500 && b == "done")
    }
}
