import Foundation
import GRDB
#if canImport(FoundationXML)
import FoundationXML
#endif
import HTTPTypes
import HummingbirdTesting
import StemmaCore
import StemmaServer
@testable import StemmaStore
import Testing

/// Stores versions of documents, and their captures as a watcher would write them.
enum ChangeFixtures {
    static let firstText = "The council met on Monday. The budget was approved by seven votes to two."
    static let secondText = "The council met on Monday. The budget was approved by eight votes to one."

    /// `id` in two versions; the second with a capture when `fetched` is given.
    static func twoVersions(_ id: String, in store: Store, title: String? = nil, url: String? = "https://example.com/news/1",
                            fetched: Double? = nil, minor: Bool = false, second: String = secondText) throws {
        _ = try store.add([Document(id: id, text: Array(firstText.utf8), title: title, url: url)])
        _ = try store.add([Document(id: id, text: Array(second.utf8), title: title, url: url)])
        guard let fetched else { return }
        try store.writer.write { db in
            let row = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM documentVersion WHERE documentId = ? AND number = 2",
                                                     arguments: [id]))
            try Capture(url: (url ?? "") + "?from=feed", fetched: fetched, status: 200, headers: [], body: Array("<p>x</p>".utf8),
                        minor: minor).insert(version: row, in: db)
        }
    }
}

/// What an XML parser makes of a feed: whether it parsed, and the text of each element by name.
final class FeedReading: NSObject, XMLParserDelegate {
    var texts: [String: [String]] = [:]
    var entries = 0
    private var current = ""
    var error: (any Error)?

    init(_ xml: String) {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? TestFailure("the feed did not parse") }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "entry" { entries += 1 }
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        texts[name, default: []].append(current)
        current = ""
    }
}

@Suite struct ChangesPageTests {
    @Test func anEmptyStoreHasAnEmptyPageAndAnEmptyValidFeed() async throws {
        let server = try TestServer()
        try await server.test { client in
            let page = try await client.get("/changes")
            #expect(page.status == .ok && page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("<h1>Recent changes</h1>") && page.text.contains("No changes yet"))
            #expect(!page.text.contains("<article"))
            #expect(page.text.contains("<a href=\"/changes\">Changes</a>"))

            let feed = try await client.get("/changes.atom")
            #expect(feed.status == .ok && feed.headers[.contentType] == "application/atom+xml; charset=utf-8")
            let reading = FeedReading(feed.text)
            #expect(reading.error == nil)
            #expect(reading.entries == 0)
            #expect(reading.texts["updated"]?.count == 1 && reading.texts["title"] == ["Recent changes · Stemma"])
            #expect(feed.text.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"http://"))
        }
    }

    @Test func twoVersionsMakeOneChangeWithItsDiff() async throws {
        let server = try TestServer()
        try ChangeFixtures.twoVersions("council", in: server.store, title: "Budget approved", fetched: 1_780_000_000)
        try await server.test { client in
            let page = try await client.get("/changes").text
            #expect(page.components(separatedBy: "<article class=\"change\">").count == 2)
            #expect(page.contains("<a href=\"/history?id=council\">Budget approved</a> <span class=\"muted\">v1 → v2</span>"))
            #expect(page.contains("https://example.com/news/1?from=feed"))
            #expect(page.contains("fetched 2026-05-28 20:26 UTC"))
            #expect(page.contains("<p class=\"summary\">1 edited"))
            #expect(page.contains("<table class=\"diff\">") && page.contains("/assets/diff.css"))
            #expect(page.contains("href=\"/diff?old=council&amp;oldVersion=1&amp;new=council&amp;newVersion=2\""))

            let feed = try await client.get("/changes.atom")
            let reading = FeedReading(feed.text)
            #expect(reading.error == nil && reading.entries == 1)
            #expect(reading.texts["id"]?.last == "tag:stemma,2026:change/council/2")
            #expect(reading.texts["updated"] == ["2026-05-28T20:26:40Z", "2026-05-28T20:26:40Z"])
            #expect(reading.texts["summary"]?.first?.hasPrefix("1 edited") == true)
            #expect(reading.texts["content"]?.first?.hasPrefix("<table class=\"diff\">") == true)
            #expect(feed.text.contains("/diff?old=council&amp;oldVersion=1&amp;new=council&amp;newVersion=2\"/>"))
            #expect(feed.text.contains("<link rel=\"alternate\" type=\"text/html\" href=\"http://"))
        }
    }

    @Test func aVersionWithoutCaptureIsAChangeDatedByItsOwnDate() async throws {
        let server = try TestServer()
        _ = try server.store.add([Document(id: "a", text: Array(ChangeFixtures.firstText.utf8), date: "2024-05-01")])
        _ = try server.store.add([Document(id: "a", text: Array(ChangeFixtures.secondText.utf8), date: "2024-05-02")])
        try await server.test { client in
            #expect(try await client.get("/changes").text.contains("dated 2024-05-02"))
            let reading = FeedReading(try await client.get("/changes.atom").text)
            #expect(reading.entries == 1 && reading.texts["updated"]?.last == "2024-05-02T00:00:00Z")
            // No title and no URL: the id stands for both.
            #expect(reading.texts["title"]?.last == "a")
        }
    }

    @Test func minorChangesAreHiddenUnlessAsked() async throws {
        let server = try TestServer()
        try ChangeFixtures.twoVersions("major", in: server.store, fetched: 1_780_000_000)
        try ChangeFixtures.twoVersions("minor", in: server.store, fetched: 1_780_000_100, minor: true,
                                       second: ChangeFixtures.firstText + " ")
        try await server.test { client in
            let hidden = try await client.get("/changes").text
            #expect(hidden.components(separatedBy: "<article").count == 2 && hidden.contains("/history?id=major"))
            #expect(hidden.contains("href=\"/changes?limit=20&amp;offset=0&amp;minor=1\">Show minor changes"))
            let shown = try await client.get("/changes?minor=1").text
            #expect(shown.components(separatedBy: "<article").count == 3 && shown.contains("/history?id=minor"))
            #expect(shown.contains("v1 → v2 · minor"))
            #expect(FeedReading(try await client.get("/changes.atom").text).entries == 1)
            #expect(FeedReading(try await client.get("/changes.atom?minor=1").text).entries == 2)
        }
    }

    @Test func changesArePagedNewestFirst() async throws {
        let server = try TestServer()
        for id in ["first", "second", "third"] { try ChangeFixtures.twoVersions(id, in: server.store) }
        try await server.test { client in
            let page = try await client.get("/changes?limit=2").text
            #expect(page.contains("changes 1–2 of 3") && page.contains("href=\"/changes?limit=2&amp;offset=2\">older</a>"))
            let third = try #require(page.range(of: "/history?id=third")), second = try #require(page.range(of: "/history?id=second"))
            #expect(third.lowerBound < second.lowerBound && !page.contains("/history?id=first\""))
            let older = try await client.get("/changes?limit=2&offset=2").text
            #expect(older.contains("/history?id=first") && older.contains("newer</a>"))
            #expect(try await client.get("/changes?limit=0").status == .badRequest)
            #expect(try await client.get("/changes?minor=maybe").status == .badRequest)
            #expect(try await client.get("/changes.atom?limit=101").status == .badRequest)
        }
    }

    @Test func titlesWithMarkupAndControlCharactersAreEscaped() async throws {
        let server = try TestServer()
        let title = "Tom & Jerry <script>alert(1)</script> \u{1}\u{8}\u{1B}bell\u{7F}"
        try ChangeFixtures.twoVersions("x&y", in: server.store, title: title, url: "https://example.com/?a=1&b=<2>", fetched: 1_780_000_000,
                                       second: ChangeFixtures.secondText + " A <b>bold</b> \u{2} claim & more.")
        try await server.test { client in
            let page = try await client.get("/changes").text
            #expect(!page.contains("<script>") && page.contains("Tom &amp; Jerry &lt;script&gt;"))
            #expect(page.contains("/history?id=x%26y"))

            let feed = try await client.get("/changes.atom").text
            let reading = FeedReading(feed)
            #expect(reading.error == nil, "\(String(describing: reading.error))")
            #expect(reading.entries == 1)
            #expect(reading.texts["title"]?.last == "Tom & Jerry <script>alert(1)</script> bell")
            #expect(!feed.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
            #expect(reading.texts["content"]?.first?.contains("&lt;b&gt;") == true)
        }
    }

    @Test func onlyGetIsAllowed() async throws {
        let server = try TestServer()
        try await server.test { client in
            let page = try await client.post("/changes", body: ""), feed = try await client.post("/changes.atom", body: "")
            #expect(page.status == .methodNotAllowed && feed.status == .methodNotAllowed)
        }
    }
}
