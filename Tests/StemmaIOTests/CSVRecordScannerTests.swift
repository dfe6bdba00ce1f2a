import StemmaCore
import Foundation
@testable import StemmaIO
import StemmaTestSupport
import Testing

@Suite struct CSVRecordScannerTests {
    let directory: ScratchDirectory

    init() throws {
        directory = try ScratchDirectory(prefix: "stemma-csv")
    }

    func read(_ bytes: [UInt8], options: CorpusOptions = CorpusOptions()) throws -> (records: [CorpusRecord], issues: [CorpusIssue]) {
        let path = try directory.write(bytes, named: "corpus-\(UUID().uuidString).csv")
        var records: [CorpusRecord] = []
        var issues: [CorpusIssue] = []
        try CorpusReader(inputs: [path], options: options).forEach(report: { issues.append($0) }) { records.append($0) }
        return (records, issues)
    }

    /// The newline of a malformed line lay past the 1 MiB chunk, and the line's tail was read as a
    /// record of its own: a phantom document.
    @Test func issue11_aMalformedLineLongerThanAChunkIsSkippedAlone() throws {
        let tail = [UInt8](repeating: UInt8(ascii: "j"), count: (1 << 20) + 1_000)
        let bytes = Array("id,text\n1,\"x\"junk".utf8) + tail + Array(",more\n2,two\n".utf8)
        let (records, issues) = try read(bytes)
        #expect(records.map(\.id) == ["2"])
        #expect(issues.count == 1 && issues[0].isSkipped)
        #expect(issues[0].error.line == 2)
        #expect(issues[0].description.contains("text after a closing quote"))
        // The same in reads of a few bytes.
        #expect(CorpusReader.streamingDisagreement(in: bytes, named: "a.csv", readSizes: [7, 1, 3]) == nil)
    }

    /// An unbalanced quote swallowed the next records, and only one was reported.
    @Test func issue11_unbalancedQuoteReportsTheSwallowedLines() throws {
        let unterminated = try read(Array("id,text\n1,one\n2,\"oops\n3,three\n4,four\n".utf8))
        #expect(unterminated.records.map(\.id) == ["1"])
        #expect(unterminated.issues.count == 1)
        #expect(unterminated.issues[0].error.line == 3 && unterminated.issues[0].error.lastLine == 5)
        #expect(unterminated.issues[0].description.hasSuffix(": lines 3–5: unterminated quoted field (skipped)"))

        // A later quote closes the field: the junk after it ends the swallowing record.
        let closedLater = try read(Array("id,text\n2,\"oops\n3,three\n4,\"four\"\n5,five\n".utf8))
        #expect(closedLater.records.map(\.id) == ["5"])
        #expect(closedLater.issues.map(\.error.line) == [2] && closedLater.issues.map(\.error.lastLine) == [4])

        // Or it leaves the wrong number of fields.
        let fieldCount = try read(Array("id,text\n2,\"oops\n3,three\n4,\",x\n5,five\n".utf8))
        #expect(fieldCount.records.map(\.id) == ["5"])
        #expect(fieldCount.issues.first?.description.contains("lines 2–4: 3 fields where the header has 2") == true)
    }

    /// A record of several MiB is read once, not rescanned per chunk; here, that it is read whole
    /// and right (the speed is measured with the release CLI, see `CSVRecordScanner`).
    @Test func issue11_aRecordLongerThanAChunkIsReadWhole() throws {
        let text = String(repeating: "Long \"\"quoted\"\", text\r\nline. ", count: 200_000)
        let bytes = Array("id,text\r\nlong,\"\(text)\"\r\nnext,short\r\n".utf8)
        let (records, issues) = try read(bytes)
        #expect(issues.isEmpty)
        #expect(records.map(\.id) == ["long", "next"])
        #expect(records.first?.text.count == text.utf8.count - 2 * 200_000)  // `""` is one quote
        #expect(records.last?.location.hasSuffix(":\(3 + 200_000)") == true)
    }

    /// A record over the limit is reported with its span and skipped, its fields not kept.
    @Test func issue11_csvRecordOverTheLimitIsSkipped() throws {
        let big = String(repeating: "x", count: 500)
        let (records, issues) = try read(Array("id,text\n1,\"\(big)\n\(big)\"\n2,small\n".utf8), options: CorpusOptions(maxRecordBytes: 200))
        #expect(records.map(\.id) == ["2"])
        #expect(issues.count == 1 && issues[0].error.reason == .tooLarge(200))
        #expect(issues[0].description.contains("lines 2–3: larger than the limit of 200 bytes"))
    }

    @Test func issue11_aByteOrderMarkBeforeTheHeaderIsIgnored() throws {
        let (records, issues) = try read(ByteStream.byteOrderMark + Array("id,text\nexcel-1,From Excel.\n".utf8))
        #expect(issues.isEmpty)
        #expect(records.map(\.id) == ["excel-1"])
    }

    @Test func issue11_controlCharacterIDsAreSkipped() throws {
        let (records, issues) = try read(Array("id,text\n\"a\u{1}b\",one\nok,two\n\"tab\there\",three\n".utf8))
        #expect(records.map(\.id) == ["ok"])
        #expect(issues.map(\.error.line) == [2, 4])
        #expect(issues.map(\.description) == [
            "\(issues[0].error.file): line 2: id contains the control character U+0001 (skipped)",
            "\(issues[0].error.file): line 4: id contains the control character U+0009 (skipped)",
        ])
    }

    /// As for JSONL keys, the first of repeated columns wins, with a warning.
    @Test func issue11_repeatedColumnsFirstWins() throws {
        let (records, issues) = try read(Array("id,text,text,id\na,first,second,b\n".utf8))
        #expect(records.map(\.id) == ["a"])
        #expect(records.first.map { String(decoding: $0.text, as: UTF8.self) } == "first")
        #expect(issues.map(\.description).map { $0.hasSuffix("line 1: repeated column \"text\": the first is read, this one ignored") } == [true, false])
        #expect(issues.count == 2 && issues.allSatisfy { !$0.isSkipped })
    }
}
