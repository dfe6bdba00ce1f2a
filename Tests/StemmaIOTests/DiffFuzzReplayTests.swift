import Foundation
import StemmaIO
import StemmaTestSupport
import Testing

/// Replays `Fuzz/Corpus/diff/` (hand-made seeds and what `Fuzz/run.sh diff` kept) through the diff
/// fuzz target's own check, so that CI needs no sanitizer build.
@Suite struct DiffFuzzReplayTests {
    static let inputs: [String] = {
        let directory = Fixtures.packageRoot.appendingPathComponent("Fuzz/Corpus/diff")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0).path }
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.inputs.count >= 10)
    }

    @Test(arguments: inputs) func roundTrips(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(DiffReport.fuzzRoundTripFailure(in: bytes) == nil)
    }
}
