import StemmaCore
import Foundation
import StemmaIO
import StemmaTestSupport
import Testing

@Suite struct CorpusReaderTests {
    let directory: URL

    init() throws {
        directory = ScratchDirectory.root.appendingPathComponent("stemma-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ text: String, _ name: String) throws -> String {
        try write(Array(text.utf8), name)
    }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    func read(_ inputs: [String], options: CorpusOptions = CorpusOptions()) throws -> (records: [CorpusRecord], issues: [CorpusIssue]) {
        var records: [CorpusRecord] = []
        var issues: [CorpusIssue] = []
        try CorpusReader(inputs: inputs, options: options).forEach(report: { issues.append($0) }) { records.append($0) }
        return (records, issues)
    }

    @Test func jsonlRecordsKeepTheirMetadataAndPassOtherMembersThrough() throws {
        let path = try write("""
            {"id": "a", "text": "First story.\\nSecond line \\u00e9 \\ud83d\\ude00", "date": "2022-03-02", "source": "WT", "score": 3.5, "tags": ["x", {"y": null}]}

            {"id": 7, "text": "Numbered id", "lang": "en"}
            {"text": "No id here"}
            """, "corpus.jsonl")
        let (records, issues) = try read([path])
        #expect(issues.isEmpty)
        #expect(records.map(\.id) == ["a", "7", "\(path):4"])
        #expect(String(decoding: records[0].text, as: UTF8.self) == "First story.\nSecond line é 😀")
        #expect(records[0].date == "2022-03-02" && records[0].source == "WT")
        #expect(records[0].extra.map(\.key) == ["score", "tags"])
        #expect(String(decoding: records[0].extra[1].json, as: UTF8.self) == #"["x", {"y": null}]"#)
        #expect(String(decoding: records[1].extra[0].json, as: UTF8.self) == #""en""#)
        #expect(records[1].location == "\(path):3")
    }

    @Test func badJSONLLinesAreReportedAndSkipped() throws {
        let path = try write([
            #"{"id": "ok", "text": "fine"}"#,
            #"{"id": "broken", "text": "unterminated}"#,
            #"{"id": "no-text"}"#,
            #"{"id": "number-text", "text": 42}"#,
            #"not json at all"#,
            #"{"id": "ok2", "text": "also fine"} trailing"#,
            #"{"id": "ok3", "text": "fine again"}"#,
        ].joined(separator: "\n"), "bad.jsonl")
        let (records, issues) = try read([path])
        #expect(records.map(\.id) == ["ok", "ok3"])
        #expect(issues.count == 5 && issues.allSatisfy(\.isSkipped))
        #expect(issues.map { $0.error.line ?? 0 } == [2, 3, 4, 5, 6])
        #expect(issues[0].description == "\(path): line 2: invalid JSON at byte 39: unterminated string (skipped)")
        #expect(issues[1].description.contains("no \"text\" field"))
        #expect(issues[2].description.contains("field \"text\" is not a string"))
    }

    @Test func duplicateIDsAreRenamedNotDropped() throws {
        let path = try write("{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"x\",\"text\":\"two\"}\n{\"id\":\"x\",\"text\":\"three\"}\n", "dups.jsonl")
        let (records, issues) = try read([path])
        #expect(records.map(\.id) == ["x", "x#2", "x#3"])
        #expect(issues.count == 2 && issues.allSatisfy { !$0.isSkipped })
    }

    @Test func invalidUTF8IsSkippedOrReplaced() throws {
        let path = try write(Array("{\"id\":\"bad\",\"text\":\"caf".utf8) + [0xE9] + Array("\"}\n{\"id\":\"good\",\"text\":\"ok\"}\n".utf8), "latin1.jsonl")
        let strict = try read([path])
        #expect(strict.records.map(\.id) == ["good"])
        #expect(strict.issues.first?.description.contains("invalid UTF-8") == true)
        let lossy = try read([path], options: CorpusOptions(lossy: true))
        #expect(lossy.records.map(\.id) == ["bad", "good"])
        #expect(String(decoding: lossy.records[0].text, as: UTF8.self) == "caf\u{FFFD}")
        #expect(lossy.issues.count == 1 && !lossy.issues[0].isSkipped)
    }

    @Test func csvReadsQuotedFieldsAndMappedColumnsAndSkipsBadRows() throws {
        let path = try write("doc,body,date,extra\r\n1,\"Line one,\nline \"\"two\"\"\",2022-03-02,x\r\n2,plain,,y\r\n3,too,many,fields,here\r\n4,\"unterminated\n", "corpus.csv")
        let (records, issues) = try read([path], options: CorpusOptions(idField: "doc", textField: "body"))
        #expect(records.map(\.id) == ["1", "2"])
        #expect(String(decoding: records[0].text, as: UTF8.self) == "Line one,\nline \"two\"")
        #expect(records[0].date == "2022-03-02" && records[1].date == nil)
        #expect(records[0].extra.map(\.key) == ["extra"])
        #expect(records[1].location == "\(path):4")
        #expect(issues.count == 2 && issues.allSatisfy(\.isSkipped))
        #expect(issues[0].error.line == 5)
        #expect(issues[1].description.contains("unterminated quoted field"))
    }

    @Test func csvWithoutTheTextColumnIsAnError() throws {
        let path = try write("id,content\n1,x\n", "no-text.csv")
        #expect(throws: ReadError.self) { try read([path]) }
    }

    @Test func aDirectoryIsReadRecursivelyInNameOrderSkippingHiddenAndOtherFiles() throws {
        _ = try write("Second.", "dir/b.md")
        _ = try write("First.", "dir/a.txt")
        _ = try write("Nested.", "dir/sub/c.txt")
        _ = try write("Hidden.", "dir/.hidden.txt")
        _ = try write("Not read, but named.", "dir/notes.json")
        _ = try write([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "dir/archive.txt")
        let (records, issues) = try read([directory.appendingPathComponent("dir").path])
        #expect(records.map(\.id) == ["a.txt", "b.md", "sub/c.txt"])
        #expect(issues.count == 2)
        #expect(issues.first?.description.hasSuffix("1 file of JSONL or CSV records (name them as inputs to read them), skipped: notes.json") == true)
        #expect(issues.last?.description.contains("binary file") == true)
    }

    @Test func gzipInputsAreReadTransparently() throws {
        let path = try write("{\"id\":\"z\",\"text\":\"Compressed story text.\"}\n", "packed.jsonl")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-f", path]
        try gzip.run()
        gzip.waitUntilExit()
        let (records, issues) = try read([path + ".gz"])
        #expect(issues.isEmpty)
        #expect(records.map(\.id) == ["z"])
        #expect(String(decoding: records[0].text, as: UTF8.self) == "Compressed story text.")
    }

    @Test func missingInputIsFatal() {
        #expect(throws: ReadError.self) { try read([directory.appendingPathComponent("nope.jsonl").path]) }
    }

    @Test func truncatedGzipIsAnError() throws {
        let path = try write([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4B, 0x4C], "broken.jsonl.gz")
        let error = #expect(throws: ReadError.self) { try read([path]) }
        #expect(error?.description == "\(path): cannot read: corrupt or truncated gzip data (\(path): unexpected end of file)")
    }
}
