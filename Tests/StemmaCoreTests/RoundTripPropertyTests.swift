import StemmaCore
import StemmaTestSupport
import Testing

/// The diff is lossless and complete for any pair of texts: thousands of random edit scripts over
/// random, bundled and real texts. A failure names its seed; rerun that argument to replay it.
@Suite struct RoundTripPropertyTests {
    /// 250 seeds × 8 scripts = 2,000 scripts on random texts.
    @Test(arguments: 0..<250) func randomEditsOfRandomTextsRoundTrip(seed: Int) {
        var mutator = TextMutator(seed: UInt64(seed))
        for _ in 0..<8 {
            let old = mutator.randomText(paragraphs: Int.random(in: 0...6, using: &mutator.rng))
            let new = mutator.mutate(old, edits: Int.random(in: 0...12, using: &mutator.rng))
            expectInvariants(VersionDiff(old: old, new: new))
        }
    }

    /// 100 seeds × 4 scripts on the bundled example.
    @Test(arguments: 0..<100) func randomEditsOfTheBundledExampleRoundTripBothWays(seed: Int) throws {
        let example = try Fixtures.example(version: 1)
        var mutator = TextMutator(seed: UInt64(10_000 + seed))
        for _ in 0..<4 {
            let new = mutator.mutate(example, edits: Int.random(in: 1...20, using: &mutator.rng))
            expectInvariants(VersionDiff(old: example, new: new))
            expectInvariants(VersionDiff(old: new, new: example))
        }
    }

    /// 40 seeds on the real Washington Times text.
    @Test(arguments: try Fixtures.arguments(0..<40, needing: "seeds/washington-times-2022-03-02.txt"))
    func randomEditsOfRealNewsTextRoundTrip(seed: Int) throws {
        let seedOld = try Fixtures.oldSeed()
        var mutator = TextMutator(seed: UInt64(20_000 + seed))
        let new = mutator.mutate(seedOld, edits: Int.random(in: 1...30, using: &mutator.rng))
        expectInvariants(VersionDiff(old: seedOld, new: new))
    }
}
