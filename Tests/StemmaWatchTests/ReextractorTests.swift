import Foundation
import StemmaCore
import StemmaStore
import StemmaTestSupport
import StemmaWatch
import StemmaWeb
import Testing

/// `Reextractor`: a watched document's versions read again from their captures.
@Suite struct ReextractorTests {
    static let url = "https://ledger.example/bridge"

    /// Stores `pages` as the versions of one watched document, each with `storedText(page)` as
    /// the text an earlier extractor read from it.
    func store(_ pages: [[UInt8]], storedText: ([UInt8]) throws -> [UInt8]) throws -> Store {
        let store = try Store.empty()
        try store.watch(feeds: [], pages: [Self.url], at: 0)
        for (index, body) in pages.enumerated() {
            let time = Double(index + 1) * 3_600
            let page = try #require(try store.watchedPage(Self.url))
            let document = Document(id: Self.url, text: try storedText(body), title: "Harbour bridge reopens", date: "2026-03-0\(index + 1)T09:00:00Z", url: Self.url)
            let capture = Capture(url: Self.url, fetched: time, status: 200, headers: [.init(name: "Content-Type", value: "text/html")], body: body)
            try store.record([PageCheck(page: page, log: FetchLogEntry(url: Self.url, time: time, outcome: .version), version: (document, capture))])
        }
        return store
    }

    static func page(_ paragraphs: [String]) -> [UInt8] { WatchPages.article("Harbour bridge reopens", paragraphs) }

    static func asWatched(_ body: [UInt8]) throws -> [UInt8] {
        WatchedText.of(try Reextractor.readAsWatched(Capture(url: url, fetched: 0, status: 200, headers: [], body: body)))
    }

    /// What an extractor that kept the site's navigation read: the article after a menu line.
    static func withMenu(_ body: [UInt8]) throws -> [UInt8] { Array("Home News Sport\n\n".utf8) + (try asWatched(body)) }

    @Test func versionsReadByAnOlderExtractorAreReadAgain() throws {
        let edited = WatchPages.bridge.map { $0.replacingOccurrences(of: "12 people", with: "40 people") }
        let store = try store([Self.page(WatchPages.bridge), Self.page(edited)], storedText: Self.withMenu)
        let reextractor = Reextractor(store: store)
        let plan = try #require(try reextractor.plan(Self.url))
        #expect(plan.changed == [1, 2] && plan.kept.isEmpty && plan.versionsBefore == 2 && plan.versionsAfter == 2)
        #expect(try reextractor.apply(plan) == 2)
        #expect(try store.version(of: Self.url, number: 1)?.text.map { Array($0.utf8) } == Self.asWatched(Self.page(WatchPages.bridge)))
        #expect(try store.version(of: Self.url, number: 2)?.text?.contains("40 people") == true)
        #expect(try store.version(of: Self.url)?.text?.contains("Home News Sport") == false)
        // Read again with the same extractor, nothing changes.
        #expect(try reextractor.plan(Self.url)?.changesHistory == false)
    }

    @Test func versionsThatNowReadAlikeBecomeOneWithBothCaptures() throws {
        // The second fetch differed only in its menu, which the older extractor kept.
        let bodies = [Self.page(WatchPages.bridge), Self.page(WatchPages.bridge)]
        var fetch = 0
        let store = try store(bodies) { body in
            fetch += 1
            return Array("Home News Sport\(fetch == 2 ? " Weather" : "")\n\n".utf8) + (try Self.asWatched(body))
        }
        let reextractor = Reextractor(store: store)
        let plan = try #require(try reextractor.plan(Self.url))
        #expect(plan.versionsAfter == 1)
        #expect(try reextractor.apply(plan) == 1)
        #expect(try store.version(of: Self.url)?.latestVersion == 1)
        #expect(try store.captures(afterRow: 0, limit: 10).map(\.version) == [1, 1])
    }

    @Test func aCaptureThatNowReadsAsJunkKeepsItsStoredText() throws {
        let store = try store([Self.page(WatchPages.bridge)], storedText: Self.withMenu)
        let stored = try store.version(of: Self.url)?.text
        // An extractor that finds no article in the page.
        let reextractor = Reextractor(store: store) { capture in
            try WebPage.read(html: Array("<p>Subscribe</p>".utf8), url: capture.url, mode: .article, maximumElements: 1_000)
        }
        let plan = try #require(try reextractor.plan(Self.url))
        #expect(plan.kept.map(\.version) == [1] && plan.kept.first?.reason.contains("empty article") == true)
        #expect(!plan.changesHistory)
        #expect(try reextractor.apply(plan) == 1)
        #expect(try store.version(of: Self.url)?.text == stored)
    }

    @Test func aDocumentNotStoredHasNoPlan() throws {
        #expect(try Reextractor(store: try Store.empty()).plan("https://ledger.example/none") == nil)
    }
}
