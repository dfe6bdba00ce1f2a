import Foundation
import GRDB
import StemmaTestSupport
import Testing

/// `stemma watch` as a user runs it, against a fixture server on 127.0.0.1.
@Suite(.serialized) struct WatchCommandTests {
    let directory: URL
    let server: FixtureHTTPServer

    init() throws {
        directory = ScratchDirectory.root.appendingPathComponent("stemma-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        server = try FixtureHTTPServer.allowingRobots()
    }

    /// A feed of `count` pages, each a story of its own.
    func serveStories(_ count: Int, edition: String = "first") {
        let links = (0..<count).map { server.url("/story/\($0)") }
        server.set("/feed.xml", .init(body: WatchPages.rss(links), headers: WatchPages.rssType))
        for index in 0..<count {
            let paragraphs = WatchPages.bridge.map { "Story \(index), \(edition) edition: \($0)" }
            server.set("/story/\(index)", .init(body: WatchPages.article("Story number \(index)", paragraphs), headers: WatchPages.html))
        }
    }

    func counts(_ db: String) throws -> (documents: Int, versions: Int, maximum: Int) {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        return try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM documentVersion") ?? 0,
             try Int.fetchOne(db, sql: "SELECT coalesce(max(latestVersion), 0) FROM document") ?? 0)
        }
    }

    @Test func oncePrintsAVersionEventPerNewArticle() throws {
        serveStories(3)
        let db = directory.appendingPathComponent("news.db").path
        let run = try StemmaProcess.run(["watch", server.url("/feed.xml"), "--db", db, "--once", "--delay", "0"])
        #expect(run.status == 0, "\(run.stderr)")
        let events = run.output.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(events.count == 3)
        #expect(events.allSatisfy { $0?["type"] as? String == "version" && $0?["version"] as? Int == 1 })
        #expect(run.stderr.contains("3 checked: 3 versions"))
        // A second pass finds nothing new: not due yet.
        let again = try StemmaProcess.run(["watch", "--db", db, "--once", "--delay", "0"])
        #expect(again.status == 0 && again.output.isEmpty)
    }

    @Test func aKilledWatcherLosesAndDoublesNoVersion() throws {
        let count = 150
        serveStories(count)
        let db = directory.appendingPathComponent("killed.db").path
        let process = Process()
        process.executableURL = StemmaProcess.executable
        process.arguments = ["watch", server.url("/feed.xml"), "--db", db, "--once", "--delay", "0", "--per-host", "2", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Killed once some pages are in and before all are (the fixture pages take ~2 ms each).
        let deadline = Date().addingTimeInterval(20)
        while server.requests(to: "/story/20").isEmpty, Date() < deadline, process.isRunning { Thread.sleep(forTimeInterval: 0.01) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let resumed = try StemmaProcess.run(["watch", "--db", db, "--once", "--delay", "0", "--per-host", "4"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let after = try counts(db)
        #expect(after.documents == count && after.versions == count && after.maximum == 1)

        // Every page edited: --check-all finds exactly one new version of each.
        serveStories(count, edition: "second")
        let edited = try StemmaProcess.run(["watch", "--db", db, "--once", "--check-all", "--delay", "0", "--per-host", "4"])
        #expect(edited.status == 0)
        #expect(try counts(db) == (count, 2 * count, 2))
        #expect(edited.output.split(separator: "\n").count == count)
    }

    @Test func badOptionsAndUnreadableFeedFilesAreOneLineErrors() throws {
        let db = directory.appendingPathComponent("bad.db").path
        let schedule = try StemmaProcess.run(["watch", "--db", db, "--schedule", "soon", "--once"])
        #expect(schedule.status == 2 && schedule.stderr.contains("not a duration"))
        let missing = try StemmaProcess.run(["watch", "--db", db, "--feeds", directory.appendingPathComponent("none.txt").path, "--once"])
        #expect(missing.status == 2 && missing.stderr.contains("none.txt"))
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }

    /// The steps of Docs/watch.md: the example feed served, watched once, the story edited, checked again.
    @Test func theDocumentedExampleWorks() throws {
        let examples = Fixtures.packageRoot.appendingPathComponent("WebExamples")
        func serve(_ name: String, at path: String, type: String) throws {
            server.set(path, .init(body: Array(try Data(contentsOf: examples.appendingPathComponent(name))), headers: [("Content-Type", type)]))
        }
        try serve("ledger-feed.xml", at: "/ledger-feed.xml", type: "application/rss+xml")
        try serve("bridge-v1.html", at: "/bridge.html", type: "text/html")
        let db = directory.appendingPathComponent("news.db").path
        let first = try StemmaProcess.run(["watch", server.url("/ledger-feed.xml"), "--db", db, "--once"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.output.contains("\"version\":1") && first.output.contains("\"id\":\"\(server.url("/bridge.html"))\""))
        #expect(first.stderr.contains("1 feed, 1 new page; 1 checked: 1 version, 0 unchanged, 0 failed"))
        try serve("bridge-v2.html", at: "/bridge.html", type: "text/html")
        let second = try StemmaProcess.run(["watch", "--db", db, "--once", "--check-all"])
        #expect(second.status == 0)
        let event = try #require(try JSONSerialization.jsonObject(with: Data(second.output.utf8)) as? [String: Any])
        #expect(event["version"] as? Int == 2)
        #expect((event["tags"] as? [String: Int])?["number-changed"] != nil)
        let history = try StemmaProcess.run(["history", server.url("/bridge.html"), "--db", db])
        #expect(history.status == 0 && history.output.contains("v2"))
    }
}
