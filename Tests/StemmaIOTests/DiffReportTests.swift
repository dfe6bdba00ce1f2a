import Foundation
import StemmaCore
import StemmaIO
import StemmaTestSupport
import Testing

@Suite struct DiffReportTests {
    let diff: VersionDiff
    let report: DiffReport

    init() throws {
        diff = VersionDiff(old: AnalyzedText(try Fixtures.oldSeed()), new: AnalyzedText(try Fixtures.newSeed()))
        report = DiffReport(diff, oldPath: "old.txt", newPath: "new.txt")
    }

    @Test func jsonStartsWithSchemaVersionAndIsStable() {
        let json = report.jsonString()
        #expect(json.hasPrefix("{\n  \"schemaVersion\": 2,\n  \"old\": {"))
        #expect(json == DiffReport(diff, oldPath: "old.txt", newPath: "new.txt").jsonString())
        let compact = report.jsonString(pretty: false)
        #expect(!compact.contains("\n"))
    }

    @Test func jsonReadsBackAndRebuildsNewText() throws {
        for json in [report.jsonString(), report.jsonString(pretty: false)] {
            let decoded = try DiffReport.decode(Array(json.utf8), path: "report.json")
            #expect(decoded.schemaVersion == 2)
            #expect(decoded.operations.count == diff.operations.count)
            #expect(decoded.summary.operations["split"] == diff.count(of: .split))
            #expect(decoded.applyEditScript(to: diff.old.bytes) == diff.new.bytes)
            let credits = try #require(decoded.operations.first { $0.old?.text.contains("contributed to this report") == true })
            #expect(credits.details?.namesAdded == ["Bill Gertz"])
        }
    }

    @Test func rangesIndexTheInputBytes() throws {
        for operation in report.operations {
            if let old = operation.old {
                #expect(String(decoding: diff.old.bytes[old.range[0]..<old.range[1]], as: UTF8.self) == old.text)
            }
            if let new = operation.new {
                #expect(String(decoding: diff.new.bytes[new.range[0]..<new.range[1]], as: UTF8.self) == new.text)
            }
            for word in operation.words ?? [] {
                if let text = word.oldText {
                    #expect(String(decoding: diff.old.bytes[word.old[0]..<word.old[1]], as: UTF8.self) == text)
                }
                if let text = word.newText {
                    #expect(String(decoding: diff.new.bytes[word.new[0]..<word.new[1]], as: UTF8.self) == text)
                }
            }
        }
    }

    @Test func newerSchemaAndGarbageAreRejected() {
        let newer = report.jsonString().replacingOccurrences(of: "\"schemaVersion\": 2", with: "\"schemaVersion\": 99")
        #expect(throws: ReadError.self) { try DiffReport.decode(Array(newer.utf8), path: "r.json") }
        #expect(throws: ReadError.self) { try DiffReport.decode(Array("{}".utf8), path: "r.json") }
    }

    @Test func aReportOfSchema1StillRebuildsTheNewText() throws {
        let schema1 = report.jsonString().replacingOccurrences(of: "\"schemaVersion\": 2", with: "\"schemaVersion\": 1")
        let decoded = try DiffReport.decode(Array(schema1.utf8), path: "old-report.json")
        #expect(decoded.schemaVersion == 1 && decoded.operations.allSatisfy { $0.piece == nil })
        #expect(decoded.applyEditScript(to: diff.old.bytes) == diff.new.bytes)
    }

    @Test func piecesApartAreMarkedInJSONAndInTheTerminal() throws {
        let diff = VersionDiff(
            old: "The council reviewed how the contract was awarded before the vote on the bridge repairs by seven members in March. "
                + "The mayor declined to comment. Engineers expect the work to take a year.",
            new: "The council looked at how the contract was awarded. The mayor declined to comment. "
                + "Engineers expect the work to take a year. That review came before seven members voted on the bridge repairs in March.")
        let report = DiffReport(diff, oldPath: "a", newPath: "b")
        let decoded = try DiffReport.decode(report.jsonBytes(), path: "r.json")
        #expect(decoded.operations.compactMap(\.piece) == [DiffReport.Piece(index: 0, count: 2), DiffReport.Piece(index: 1, count: 2)])
        #expect(decoded.summary.operations["split"] == 1 && decoded.summary.operations["added"] == 0)
        #expect(decoded.applyEditScript(to: diff.old.bytes) == diff.new.bytes)
        #expect(report.jsonString(pretty: false).contains(#""new":{"sentences":[3,4],"#) && report.jsonString(pretty: false).contains(#""piece":{"index":1,"count":2},"tags":[]"#))
        let terminal = TerminalDiffWriter(useColor: false).render(diff)
        #expect(terminal.contains("@@ split, piece 1 of 2 · old 1 · new 1"))
        #expect(terminal.contains("@@ split, piece 2 of 2 · old 1 · new 4"))
    }

    @Test func jsonEscapesControlCharacters() {
        let diff = VersionDiff(old: "Tab\there \"quoted\" \\ end.", new: "Tab\there \"quoted\" \\ end!\u{1}")
        let json = DiffReport(diff, oldPath: "a", newPath: "b").jsonString()
        #expect(json.contains("Tab\\there \\\"quoted\\\" \\\\ end"))
        #expect(json.contains("\\u0001"))
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(json.utf8)) }
    }
}
