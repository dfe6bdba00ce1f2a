import Foundation
import StemmaTestSupport
import Testing

@Suite(.serialized) struct ExtractCommandTests {
    let directory: URL

    init() throws {
        directory = ScratchDirectory.root.appendingPathComponent("stemma-extract-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func page(_ title: String, _ body: String) -> String {
        let paragraphs = (1...4).map { "<p>\(body) This is sentence \($0) of the story, told at some length so it reads as prose.</p>" }
        return "<html><head><title>\(title) | Gazette</title><meta property=\"og:title\" content=\"\(title)\">"
            + "<meta property=\"article:published_time\" content=\"2022-03-02\"></head><body><nav><a href=\"/\">Home</a></nav>"
            + "<article>\(paragraphs.joined())</article></body></html>"
    }

    func records(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func jsonlHasTheArticleAndItsMetadata() throws {
        let path = try write("bridge.html", Self.page("Bridge reopens", "The harbor bridge reopened on Tuesday."))
        let result = try StemmaProcess.run(["extract", "--format", "jsonl", path])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try #require(try records(result.output).first)
        #expect(record["path"] as? String == path)
        #expect(record["title"] as? String == "Bridge reopens")
        #expect(record["date"] as? String == "2022-03-02")
        #expect(record["encoding"] as? String == "utf-8")
        let text = try #require(record["text"] as? String)
        #expect(text.hasPrefix("The harbor bridge reopened on Tuesday."))
        #expect(!text.contains("Home"))
        #expect(text.components(separatedBy: "\n\n").count == 4)
    }

    @Test func archivesGiveOneRecordPerPageAndDamageIsReportedByOffset() throws {
        let sample = try Fixtures.shared("corpora/warc-samples/example.warc.gz").path
        let good = try StemmaProcess.run(["extract", "--format", "jsonl", sample])
        #expect(good.status == 0, "\(good.stderr)")
        let record = try #require(try records(good.output).first)
        #expect(record["id"] as? String == "http://example.com/")
        #expect(record["date"] as? String == "2017-03-06T04:02:06Z")
        #expect((record["text"] as? String)?.contains("illustrative examples") == true)
        let truncated = try Fixtures.shared("corpora/warc-samples/example-trunc.warc").path
        let bad = try StemmaProcess.run(["extract", "--format", "jsonl", truncated])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("example-trunc.warc: byte 2560:"))
        #expect(try records(bad.output).count >= 1)
    }

    @Test func dedupReadsADirectoryOfPages() throws {
        let pages = directory.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        let story = Self.page("Bridge reopens", "The harbor bridge reopened on Tuesday after two years of repairs.")
        try Data(story.utf8).write(to: pages.appendingPathComponent("a.html"))
        try Data(story.replacingOccurrences(of: "Gazette", with: "Courier").utf8).write(to: pages.appendingPathComponent("b.htm"))
        try Data(Self.page("Storm", "A storm closed the port for three days and flooded the market.").utf8)
            .write(to: pages.appendingPathComponent("c.xhtml"))
        // --verify exact reads the spooled article texts back, never the pages' bytes.
        for verify in ["estimate", "exact"] {
            let result = try StemmaProcess.run(["dedup", "--format", "json", "--verify", verify, pages.path])
            #expect(result.status == 0, "\(result.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
            let pairs = try #require(document["pairs"] as? [[String: Any]])
            #expect(pairs.count == 1)
            #expect(Set([pairs.first?["a"] as? String, pairs.first?["b"] as? String]) == ["a.html", "b.htm"])
            #expect(pairs.first?["jaccard"] as? Double == 1)
        }
    }

    @Test func binaryBytesNamedHTMLAreReportedAndSkipped() throws {
        let path = directory.appendingPathComponent("image.html").path
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x49, 0x48]).write(to: URL(fileURLWithPath: path))
        let result = try StemmaProcess.run(["extract", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("image.html: byte 4: binary file"))
    }

    @Test func htmlFieldReadsCrawlExports() throws {
        let html = Self.page("Bridge reopens", "The harbor bridge reopened on Tuesday.")
        let line = try JSONSerialization.data(withJSONObject: ["id": "crawl-1", "html": html, "url": "https://gazette.example/bridge"])
        let path = try write("crawl.jsonl", String(decoding: line, as: UTF8.self) + "\n")
        let result = try StemmaProcess.run(["extract", "--format", "jsonl", "--html-field", "html", path])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try #require(try records(result.output).first)
        #expect(record["id"] as? String == "crawl-1")
        #expect(record["url"] as? String == "https://gazette.example/bridge")
        #expect(record["title"] as? String == "Bridge reopens")
        #expect((record["text"] as? String)?.hasPrefix("The harbor bridge") == true)
    }

    @Test func diffOfTwoPagesDiffsTheirArticles() throws {
        let old = try write("old.html", Self.page("Bridge reopens", "The harbor bridge reopened on Tuesday."))
        let new = try write("new.html", Self.page("Bridge reopens", "The harbor bridge reopened on Wednesday."))
        let result = try StemmaProcess.run(["diff", "--only-changes", old, new])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.output.hasPrefix("--- \(old): Bridge reopens · 2022-03-02"))
        #expect(result.output.contains("[-Tuesday-]"))
        #expect(!result.output.contains("<p>"))
    }
}

extension ExtractCommandTests {
    @Test func indexAddKeepsCapturesOfOneURLAsItsVersions() throws {
        let db = directory.appendingPathComponent("web.sqlite").path
        let crawl = Fixtures.packageRoot.appendingPathComponent("WebExamples/ledger-crawl.warc.gz").path
        let add = try StemmaProcess.run(["index", "add", "-q", "-d", db, crawl])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stderr.contains("not read: 1 non-2xx responses"))
        let history = try StemmaProcess.run(["history", "-d", db, "https://ledger.example/2026/02/17/harbor-bridge", "--format", "json"])
        #expect(history.status == 0, "\(history.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: history.stdout) as? [String: Any])
        let versions = try #require(document["versions"] as? [[String: Any]])
        #expect(versions.count == 2)
        #expect(versions.map { $0["date"] as? String } == ["2026-02-17T10:00:00Z", "2026-02-18T15:00:00Z"])
    }
}
