import Foundation
import StemmaIO
import StemmaTestSupport
import Testing

/// Replays every input in `Fuzz/Corpus/<target>/` (seeds, what the fuzzer found interesting, and
/// the crashes it found, since fixed) through the fuzz targets' own check, so that CI needs no
/// sanitizer build.
@Suite struct FuzzCorpusReplayTests {
    static func inputs(_ target: String) throws -> [String] {
        try Fixtures.packageDirectory("Fuzz/Corpus/\(target)")
    }

    @Test func eachReaderHasAtLeastFiveInputsToReplay() throws {
        #expect(try Self.inputs("jsonl").count >= 5 && Self.inputs("csv").count >= 5)
    }

    @Test(arguments: try inputs("jsonl")) func jsonlReadsTheSameWholeAndInPieces(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(CorpusReader.fuzzDisagreement(in: bytes, format: "jsonl") == nil)
    }

    @Test(arguments: try inputs("csv")) func csvReadsTheSameWholeAndInPieces(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(CorpusReader.fuzzDisagreement(in: bytes, format: "csv") == nil)
    }
}
