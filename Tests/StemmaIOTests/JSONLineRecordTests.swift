import StemmaCore
import Foundation
@testable import StemmaIO
import StemmaTestSupport
import Testing

@Suite struct JSONLineRecordTests {
    let directory: ScratchDirectory

    init() throws {
        directory = try ScratchDirectory(prefix: "stemma-jsonl")
    }

    func read(_ text: String, named name: String = "corpus.jsonl", options: CorpusOptions = CorpusOptions()) throws
        -> (path: String, records: [CorpusRecord], issues: [CorpusIssue])
    {
        let path = try directory.write(Array(text.utf8), named: name)
        var records: [CorpusRecord] = []
        var issues: [CorpusIssue] = []
        try CorpusReader(inputs: [path], options: options).forEach(report: { issues.append($0) }) { records.append($0) }
        return (path, records, issues)
    }

    /// The first pass kept the last of repeated keys and the exact re-read the first.
    @Test func issue11_repeatedKeysFirstWins() throws {
        let (path, records, issues) = try read("""
            {"id":"a","text":"first","text":"second","id":"b","n":1,"n":2}
            {"id":"c","text":"plain"}
            """)
        #expect(records.map(\.id) == ["a", "c"])
        #expect(String(decoding: records[0].text, as: UTF8.self) == "first")
        #expect(records[0].extra.map { String(decoding: $0.json, as: UTF8.self) } == ["1"])
        #expect(issues.map(\.description) == ["text", "id", "n"].map {
            "warning: \(path): line 1: repeated key \"\($0)\": the first is read, this one ignored"
        })
        let origin = try #require(records[0].origin)
        #expect(try RecordFetcher(options: CorpusOptions()).text(at: origin) == records[0].text)
    }

    /// Past 16 members repeats are found with a set; the rule is the same.
    @Test func issue11_repeatedKeysAmongManyMembers() throws {
        let members = (0..<20).map { "\"m\($0)\":\($0)" }.joined(separator: ",")
        let (_, records, issues) = try read("{\"text\":\"first\",\(members),\"m3\":99,\"text\":\"second\"}\n")
        #expect(records.first.map { String(decoding: $0.text, as: UTF8.self) } == "first")
        #expect(records.first?.extra.count == 20)
        #expect(issues.map { $0.description.contains("repeated key \"m3\"") } == [true, false])
        #expect(issues.count == 2 && issues[1].description.contains("repeated key \"text\""))
    }

    @Test func issue11_deeplyNestedLineIsSkippedAndReadingGoesOn() throws {
        let deep = String(repeating: "[", count: 80_000) + String(repeating: "]", count: 80_000)
        let (path, records, issues) = try read("{\"id\":\"a\",\"text\":\"x\",\"m\":\(deep)}\n{\"id\":\"b\",\"text\":\"y\"}\n")
        #expect(records.map(\.id) == ["b"])
        #expect(issues.count == 1 && issues[0].isSkipped)
        #expect(issues[0].description.hasPrefix("\(path): line 1: invalid JSON at byte"))
        #expect(issues[0].description.hasSuffix("nested deeper than 512 levels (skipped)"))
    }

    @Test func issue11_invalidNumberRecordIsSkipped() throws {
        let (_, records, issues) = try read("{\"id\":\"a\",\"text\":\"x\",\"score\":1.2.3}\n{\"id\":\"b\",\"text\":\"y\",\"score\":-0.5}\n")
        #expect(records.map(\.id) == ["b"])
        #expect(issues.count == 1 && issues[0].error.line == 1 && issues[0].description.contains("invalid number"))
    }

    /// Raw members are copied to output as they are, so invalid UTF-8 in them would make it invalid.
    @Test func invalidUTF8InAPassedThroughMemberSkipsTheRecordUnlessLossy() throws {
        let line = Array(#"{"id":"a","text":"x","tags":["caf"#.utf8) + [0xE9] + Array("\"]}\n".utf8)
        let path = try directory.write(line, named: "latin1-member.jsonl")
        var issues: [CorpusIssue] = []
        var records: [CorpusRecord] = []
        try CorpusReader(inputs: [path]).forEach(report: { issues.append($0) }) { records.append($0) }
        #expect(records.isEmpty && issues.first?.description.contains("invalid UTF-8 in member \"tags\"") == true)
        issues = []
        try CorpusReader(inputs: [path], options: CorpusOptions(lossy: true)).forEach(report: { issues.append($0) }) { records.append($0) }
        #expect(records.first.map { String(decoding: $0.extra[0].json, as: UTF8.self) } == "[\"caf\u{FFFD}\"]")
        #expect(issues.count == 1 && !issues[0].isSkipped)
    }

    @Test func issue11_controlCharacterIDsAreSkipped() throws {
        let (path, records, issues) = try read("""
            {"id":"nul\\u0000id","text":"x"}
            {"id":"","text":"empty id"}
            {"id":"esc\\u001b[31m","text":"x"}
            {"id":"fine","text":"x"}
            """)
        #expect(records.map(\.id) == ["fine"])
        #expect(issues.map(\.description) == [
            "\(path): line 1: id contains a NUL character (skipped)",
            "\(path): line 2: id is empty (skipped)",
            "\(path): line 3: id contains the control character U+001B (skipped)",
        ])
    }

    /// A byte order mark hid JSONL on standard input (read as one text document) and shifted the
    /// offsets records are read again by.
    @Test func issue11_aByteOrderMarkIsSkippedAndOriginsStillPointAtTheText() throws {
        let bytes = ByteStream.byteOrderMark + Array("{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n".utf8)
        let stdin = CorpusReader.transcript(of: bytes, named: "-")
        #expect(stdin.count == 2 && stdin.allSatisfy { $0.hasPrefix("record") })
        let path = try directory.write(bytes, named: "bom.jsonl")
        var records: [CorpusRecord] = []
        try CorpusReader(inputs: [path, try directory.gzip(path)]).forEach(report: { _ in }) { records.append($0) }
        #expect(records.map(\.id) == ["a", "b", "a#2", "b#2"])
        let fetcher = RecordFetcher(options: CorpusOptions())
        for record in records.prefix(2) {
            let origin = try #require(record.origin)
            #expect(origin.offset >= 3)
            #expect(try fetcher.text(at: origin) == record.text)
        }
    }

    /// A line over the limit is reported and skipped, its bytes not kept; reading goes on.
    @Test func issue11_lineOverTheLimitIsSkipped() throws {
        let long = String(repeating: "a", count: 5_000)
        let text = "{\"id\":\"x\",\"text\":\"\(long)\"}\r\n{\"id\":\"y\",\"text\":\"short\"}\n\(long)"
        let (path, records, issues) = try read(text, options: CorpusOptions(maxRecordBytes: 1_000))
        #expect(records.map(\.id) == ["y"])
        #expect(issues.map(\.description) == [1, 3].map { "\(path): line \($0): larger than the limit of 1000 bytes for one record (skipped)" })
        #expect(records[0].location == "\(path):2")
    }
}
