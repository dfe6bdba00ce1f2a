import Foundation
import StemmaIO
import StemmaTestSupport
import Testing

/// Replays every input in `Fuzz/Corpus/<target>/` (seeds, what the fuzzer found interesting, and
/// the crashes it found, since fixed) through the fuzz targets' own check, so that CI needs no
/// sanitizer build.
@Suite struct FuzzCorpusReplayTests {
    static func inputs(_ target: String) -> [String] {
        let directory = Fixtures.packageRoot.appendingPathComponent("Fuzz/Corpus/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0).path }
    }

    @Test func corporaAreThere() {
        #expect(Self.inputs("jsonl").count >= 5 && Self.inputs("csv").count >= 5)
    }

    @Test(arguments: inputs("jsonl")) func jsonl(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(CorpusReader.fuzzDisagreement(in: bytes, format: "jsonl") == nil)
    }

    @Test(arguments: inputs("csv")) func csv(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(CorpusReader.fuzzDisagreement(in: bytes, format: "csv") == nil)
    }
}
