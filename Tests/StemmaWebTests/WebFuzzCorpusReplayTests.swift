import Foundation
import StemmaTestSupport
import Testing
@testable import StemmaWeb

/// Replays `Fuzz/Corpus/html/` and `Fuzz/Corpus/warc/` through the checks of the FuzzHTML and
/// FuzzWARC targets, so that CI needs no sanitizer build.
@Suite struct WebFuzzCorpusReplayTests {
    static func inputs(_ target: String) throws -> [String] {
        try Fixtures.packageDirectory("Fuzz/Corpus/\(target)")
    }

    @Test(arguments: try inputs("html")) func pagesGiveUTF8(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for mode in [ExtractionMode.article, .text] {
            #expect(String(validating: WebPage(html: bytes, mode: mode).text, as: UTF8.self) != nil)
        }
    }

    @Test(arguments: try inputs("warc")) func archivesEndWithOffsetsInside(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(ArchiveReader.fuzzProblem(in: bytes) == nil)
    }
}
