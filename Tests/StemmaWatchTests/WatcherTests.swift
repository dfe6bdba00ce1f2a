import Foundation
import NIOPosix
import StemmaCore
import StemmaIO
import StemmaStore
import StemmaTestSupport
import StemmaWatch
import Testing

/// `stemma watch` against a fixture server on 127.0.0.1: versions, 304s, schedules, failures.
@Suite struct WatcherTests {
    let server: FixtureHTTPServer
    let store: Store
    let clock = ManualClock()
    let log = EventLog()

    init() throws {
        server = try FixtureHTTPServer()
        store = try Store.empty()
        server.set("/robots.txt", .init(body: Array("User-agent: *\nDisallow: /private\n".utf8), headers: [("Content-Type", "text/plain")]))
    }

    /// The client's own loop: other suites of the run keep NIO's shared loops busy, and fetches
    /// waiting behind them timed out.
    static let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// Runs `body` with a watcher of the store, shutting its HTTP client down after.
    func watching(_ options: WatchOptions = WatchOptions(), policy: FetchPolicy = .testing,
                  _ body: (Watcher) async throws -> Void) async throws {
        let log = self.log
        let fetcher = Fetcher(policy: policy, eventLoopGroup: Self.loops)
        let watcher = Watcher(store: store, fetcher: fetcher, options: options, clock: clock) { await log.append($0) }
        do {
            try await body(watcher)
        } catch {
            try? await watcher.shutdown()
            throw error
        }
        try await watcher.shutdown()
    }

    func serveFeed() {
        server.set("/feed.xml", .init(body: WatchPages.rss([server.url("/news/bridge"), server.url("/news/council")]), headers: WatchPages.rssType))
        server.set("/news/bridge", .init(body: WatchPages.article("Harbour bridge reopens", WatchPages.bridge), headers: WatchPages.html + [("ETag", "\"b1\"")]))
        server.set("/news/council", .init(body: WatchPages.article("Council to review contract", WatchPages.council),
                                          headers: WatchPages.html + [("ETag", "\"c1\"")]))
    }

    @Test func aFeedsPagesBecomeFirstVersionsAndAChangedFigureIsVersionTwo() async throws {
        serveFeed()
        try await watching { watcher in
            let added = try await watcher.add([server.url("/feed.xml")])
            #expect(added.feeds == 1 && added.pages == 0)
            let first = try await watcher.pass()
            #expect(first.feeds == 1 && first.newPages == 2 && first.versions == 2)
            let firstEvents = await log.versions()
            #expect(firstEvents.map(\.version) == [1, 1])
            #expect(Set(firstEvents.compactMap(\.id)) == [server.url("/news/bridge"), server.url("/news/council")])
            #expect(firstEvents.allSatisfy { $0.summary == nil && $0.title != nil })

            var edited = WatchPages.bridge
            edited[0] = edited[0].replacingOccurrences(of: "12 people", with: "15 people")
            server.set("/news/bridge", .init(body: WatchPages.article("Harbour bridge reopens", edited), headers: WatchPages.html + [("ETag", "\"b2\"")]))
            await log.clear()
            clock.advance(by: 16 * 60)
            let second = try await watcher.pass()
            #expect(second.checked == 2 && second.versions == 1 && second.unchanged == 1)
            let changed = try #require(await log.versions().first)
            #expect(changed.version == 2 && changed.id == server.url("/news/bridge"))
            #expect(changed.summary?.tags[.numberChanged] == 1)
            #expect(changed.jsonLine.contains("\"number-changed\":1"))
            // The unchanged page was asked for conditionally and answered 304.
            #expect(server.requests(to: "/news/council").last?.header("If-None-Match") == "\"c1\"")
            #expect(try store.fetchLog(limit: 10).contains { $0.outcome == .notModified && $0.url.hasSuffix("/news/council") })
            #expect(try store.version(of: server.url("/news/council"))?.version == 1)
        }
    }

    @Test func pagesAreNotCheckedBeforeTheyAreDue() async throws {
        serveFeed()
        try await watching(WatchOptions(feedInterval: 3600)) { watcher in
            try await watcher.add([server.url("/feed.xml")])
            try await watcher.pass()
            let requests = server.requestCount
            clock.advance(by: 5 * 60)
            let early = try await watcher.pass()
            #expect(early.checked == 0 && early.feeds == 0)
            #expect(server.requestCount == requests)
            let page = try #require(try store.watchedPage(server.url("/news/bridge")))
            #expect(page.nextCheck == page.lastCheck.map { $0 + 900 })
            // --check-all checks them anyway.
            #expect(try await watcher.pass(checkAll: true).checked == 2)
        }
    }

    @Test func robotsDisallowIsObeyed() async throws {
        server.set("/private/memo", .init(body: WatchPages.article("Memo", WatchPages.council)))
        try await watching { watcher in
            try store.watch(feeds: [], pages: [server.url("/private/memo")], at: clock.now())
            let tally = try await watcher.pass()
            #expect(tally.failed == 1 && tally.versions == 0)
            #expect(server.requests(to: "/private/memo").isEmpty)
            #expect(try store.fetchLog(limit: 1).first?.outcome == .disallowed)
        }
    }

    @Test func failuresAreLoggedAndNeverVersions() async throws {
        server.set("/broken", .init(status: 500, body: Array("oops".utf8)))
        server.set("/slow", .init(body: WatchPages.article("Slow", WatchPages.bridge), delay: 14))
        server.set("/loop", .redirect(to: "/loop"))
        server.set("/huge", .init(body: [UInt8](repeating: 0x61, count: 50 << 20)))
        server.set("/report.pdf", .init(body: Array("%PDF-1.7 ...".utf8), headers: [("Content-Type", "application/pdf")]))
        let paths = ["/gone", "/broken", "/slow", "/loop", "/huge", "/report.pdf"]
        try store.watch(feeds: [], pages: paths.map(server.url), at: clock.now())
        var tally = PassTally()
        // A 1 MB limit, and a timeout long enough for a loaded machine to read a page in.
        var policy = FetchPolicy.testing
        policy.maximumBytes = 1 << 20
        policy.timeout = 6
        try await watching(policy: policy) { tally = try await $0.pass() }
        #expect(tally.checked == paths.count && tally.failed == paths.count && tally.versions == 0)
        let messages = Dictionary(uniqueKeysWithValues: try store.fetchLog(limit: 20).map { (String($0.url.split(separator: "/").last ?? ""), $0) })
        #expect(messages["gone"]?.status == 404)
        #expect(messages["broken"]?.message == "HTTP 500 Internal Server Error")
        #expect(messages["slow"]?.message == "timed out")
        #expect(messages["loop"]?.message == "a redirect loop")
        #expect(messages["huge"]?.message?.contains("over the limit") == true)
        #expect(messages["report.pdf"]?.message == "not an HTML page: application/pdf")
        #expect(messages.values.allSatisfy { $0.outcome == .failed && $0.failures == 1 && $0.nextCheck != nil })
        #expect(try store.counts().documents == 0)
        // A 500 is retried once (FetchPolicy.testing), a 404 is not.
        #expect(server.requests(to: "/broken").count == 2)
        #expect(server.requests(to: "/gone").count == 1)
    }

    @Test func anArticleThatBecomesAnErrorPageIsNotAVersion() async throws {
        server.set("/news/bridge", .init(body: WatchPages.article("Harbour bridge reopens", WatchPages.bridge)))
        try store.watch(feeds: [], pages: [server.url("/news/bridge")], at: clock.now())
        try await watching { watcher in
            #expect(try await watcher.pass().versions == 1)
            server.set("/news/bridge", .init(body: WatchPages.article("Page not found", ["Sorry, we could not find that page. Try the search box or go back to the home page, where the latest news is."])))
            clock.advance(by: 3600)
            let tally = try await watcher.pass()
            #expect(tally.failed == 1 && tally.versions == 0)
            #expect(try store.fetchLog(limit: 1).first?.message?.hasPrefix("an error page") == true)
            #expect(try store.version(of: server.url("/news/bridge"))?.version == 1)
        }
    }

    @Test func aTimestampOnlyChangeIsAMinorVersionNotAnnounced() async throws {
        server.set("/news/bridge", .init(body: WatchPages.article("Harbour bridge reopens", WatchPages.bridge, stamp: "Updated 10:42 a.m. EST, March 2, 2022")))
        try store.watch(feeds: [], pages: [server.url("/news/bridge")], at: clock.now())
        try await watching { watcher in
            try await watcher.pass()
            server.set("/news/bridge", .init(body: WatchPages.article("Harbour bridge reopens", WatchPages.bridge, stamp: "Updated 11:05 a.m. EST, March 2, 2022")))
            await log.clear()
            clock.advance(by: 3600)
            let tally = try await watcher.pass()
            #expect(tally.versions == 1)
            #expect(await log.versions().isEmpty)
            #expect(try store.version(of: server.url("/news/bridge"))?.version == 2)
        }
    }

    @Test func redirectsAreFollowedAndTheFinalURLIsTheDocument() async throws {
        server.set("/old", .redirect(to: server.url("/news/moved")))
        server.set("/news/moved", .init(body: WatchPages.article("Harbour bridge reopens", WatchPages.bridge)))
        try store.watch(feeds: [], pages: [server.url("/old")], at: clock.now())
        var tally = PassTally()
        try await watching { tally = try await $0.pass() }
        #expect(tally.versions == 1)
        #expect(try store.version(of: server.url("/news/moved"))?.version == 1)
        #expect(try store.watchedPage(server.url("/old"))?.documentID == server.url("/news/moved"))
    }

    @Test func gzipBodiesAreDecoded() async throws {
        let html = WatchPages.article("Council to review contract", WatchPages.council)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-c"]
        let input = Pipe(), output = Pipe()
        gzip.standardInput = input
        gzip.standardOutput = output
        try gzip.run()
        input.fileHandleForWriting.write(Data(html))
        try input.fileHandleForWriting.close()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        server.set("/news/council", .init(body: Array(compressed), headers: WatchPages.html + [("Content-Encoding", "gzip")]))
        try store.watch(feeds: [], pages: [server.url("/news/council")], at: clock.now())
        var tally = PassTally()
        try await watching { tally = try await $0.pass() }
        #expect(tally.versions == 1)
        let text = try #require(try store.version(of: server.url("/news/council"))?.text)
        #expect(text.hasPrefix("Council to review contract") && text.contains("\n\nThe council voted on Monday evening"))
        #expect(server.requests(to: "/news/council").first?.header("Accept-Encoding")?.contains("gzip") == true)
    }

    /// A page without a Content-Length is cut off once it passes the limit while it is read.
    @Test func aChunkedPageOverTheLimitIsRefusedWhileRead() async throws {
        server.set("/huge-chunked", .init(body: [UInt8](repeating: 0x61, count: 3 << 20), chunked: true))
        try store.watch(feeds: [], pages: [server.url("/huge-chunked")], at: clock.now())
        var policy = FetchPolicy.testing
        policy.maximumBytes = 1 << 20
        policy.timeout = 30
        var tally = PassTally()
        try await watching(policy: policy) { tally = try await $0.pass() }
        #expect(tally.failed == 1 && tally.versions == 0)
        #expect(try store.fetchLog(limit: 1).first?.message == "a page over the size limit")
    }
}
