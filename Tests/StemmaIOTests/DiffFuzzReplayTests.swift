import Foundation
import StemmaIO
import StemmaTestSupport
import Testing

/// Replays `Fuzz/Corpus/diff/` (hand-made seeds and what `Fuzz/run.sh diff` kept) through the diff
/// fuzz target's own check, so that CI needs no sanitizer build.
@Suite struct DiffFuzzReplayTests {
    static func inputs() throws -> [String] { try Fixtures.packageDirectory("Fuzz/Corpus/diff") }

    @Test func theCorpusHasAtLeastTenInputsToReplay() throws {
        #expect(try Self.inputs().count >= 10)
    }

    @Test(arguments: try inputs()) func diffAndReportOfEveryInputRebuildTheNewText(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(DiffReport.fuzzRoundTripFailure(in: bytes) == nil)
    }
}
