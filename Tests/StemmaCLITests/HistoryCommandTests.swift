import Foundation
import StemmaTestSupport
import Testing

@Suite(.serialized) struct HistoryCommandTests {
    let db = ScratchDirectory.root.appendingPathComponent("stemma-history-\(UUID().uuidString).db").path

    @Test func historyListsVersionsAsTextJSONAndHTMLAndPagesThem() throws {
        let add = try StemmaProcess.run(["index", "add", "Examples", "--db", db])
        try #require(add.status == 0, "index add: \(add.stderr)")
        let text = try StemmaProcess.run(["history", "harbor-bridge/v2.txt", "--db", db])
        #expect(text.status == 0)
        let lines = text.output.split(separator: "\n")
        #expect(lines.count == 3 && lines[0] == "1. harbor-bridge/v1.txt v1  (date unknown)")
        #expect(lines[1].hasPrefix("2. harbor-bridge/v2.txt v1  (date unknown)  ← 1: "))

        let json = try StemmaProcess.run(["history", "harbor-bridge/v2.txt", "--db", db, "--format", "jsonl"])
        let records = try json.output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(records.map { $0["id"] as? String } == ["harbor-bridge/v1.txt", "harbor-bridge/v2.txt", "harbor-bridge/v3.txt"])
        #expect(json.output.hasPrefix(#"{"changes":{},"id":"harbor-bridge/v1.txt","number":1,"tags":{},"version":1}"#))
        // Issue 12: numbered from 1 as the text is: v3 derives from "2.", as its text line says "← 2".
        #expect(records.map { $0["number"] as? Int } == [1, 2, 3])
        #expect(records[2]["parent"] as? Int == 2 && lines[2].contains("← 2"))
        // Issue 12: --format json is the object GET /api/families/{id}/history answers with.
        let document = try StemmaProcess.run(["history", "harbor-bridge/v2.txt", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.output.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 3 && object["family"] as? String == "harbor-bridge/v1.txt")
        #expect((object["versions"] as? [[String: Any]])?.count == 3)

        let html = try StemmaProcess.run(["history", "harbor-bridge/v2.txt", "--db", db, "--format", "html"])
        #expect(html.status == 0)
        #expect(html.output.hasPrefix("<!doctype html>") && html.output.hasSuffix("</html>\n"))
        #expect(html.output.contains("<h1>History of harbor-bridge/v1.txt</h1>"))
        #expect(html.output.contains("<li class=\"version\" id=\"v3\">"))
        #expect(!html.output.contains("<script") && !html.output.contains("<link") && !html.output.contains("src="))

        // Issue 11: a window of the newest versions, numbered in the whole history.
        let window = try StemmaProcess.run(["history", "harbor-bridge/v2.txt", "--db", db, "--limit", "2"])
        let windowLines = window.output.split(separator: "\n")
        #expect(windowLines.count == 2 && windowLines[0].hasPrefix("2. harbor-bridge/v2.txt v1"))
        #expect(window.stderr.contains("versions 2–3 of 3"))
        let older = try StemmaProcess.run(["history", "harbor-bridge/v2.txt", "--db", db, "--limit", "1", "--offset", "2"])
        #expect(older.output == "1. harbor-bridge/v1.txt v1  (date unknown)\n")
        let zero = try StemmaProcess.run(["history", "harbor-bridge/v2.txt", "--db", db, "--limit", "0"])
        #expect(zero.status != 0 && zero.stderr.contains("--limit must be at least 1"))

        let missing = try StemmaProcess.run(["history", "nope", "--db", db])
        #expect(missing.status == 2 && missing.stderr.contains("nope is not in"))
    }
}
