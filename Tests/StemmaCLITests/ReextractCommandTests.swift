import Foundation
import GRDB
import StemmaTestSupport
import Testing

/// `stemma index reextract` as a user runs it, on an index that `stemma watch` filled.
@Suite(.serialized) struct ReextractCommandTests {
    let directory: URL
    let server: FixtureHTTPServer

    init() throws {
        directory = try ScratchDirectory(prefix: "stemma-reextract").url
        server = try FixtureHTTPServer.allowingRobots()
    }

    /// An index holding two versions of one watched page, and the page's URL.
    func watchedIndex() throws -> (db: String, url: String) {
        let db = directory.appendingPathComponent("news.db").path
        let url = server.url("/bridge")
        server.set("/bridge", .init(body: WatchPages.article("Harbour bridge reopens", WatchPages.bridge), headers: WatchPages.html))
        #expect(try StemmaProcess.run(["watch", url, "--db", db, "--once", "--delay", "0", "--quiet"]).status == 0)
        let edited = WatchPages.bridge.map { $0.replacingOccurrences(of: "12 people", with: "40 people") }
        server.set("/bridge", .init(body: WatchPages.article("Harbour bridge reopens", edited), headers: WatchPages.html))
        #expect(try StemmaProcess.run(["watch", "--db", db, "--once", "--check-all", "--delay", "0", "--quiet"]).status == 0)
        return (db, url)
    }

    /// Replaces the body of every capture of version `version` (stored uncompressed), as if the
    /// page had held more than the extractor that read it saw.
    func rewriteCaptures(of version: Int, in db: String, body: [UInt8]) throws {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        try queue.write { db in
            try db.execute(sql: """
                UPDATE capture SET codec = 0, bytes = ?, body = ? WHERE version IN (SELECT id FROM documentVersion WHERE number = ?)
                """, arguments: [body.count, Data(body), version])
        }
    }

    @Test func anIndexReadByTheSameExtractorIsUnchanged() throws {
        let (db, _) = try watchedIndex()
        let run = try StemmaProcess.run(["index", "reextract", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output == "1 document read again: 0 rewritten (0 texts changed), 1 unchanged\n" && run.stderr.isEmpty)
    }

    @Test func versionsThatReadOtherwiseAreRewritten() throws {
        let (db, url) = try watchedIndex()
        let longer = WatchPages.bridge + ["A fourth paragraph the first reading missed, about the toll that returns in the spring."]
        try rewriteCaptures(of: 1, in: db, body: WatchPages.article("Harbour bridge reopens", longer))

        let history = { try StemmaProcess.run(["history", url, "--db", db, "--format", "jsonl"]).output }
        let before = try history()
        #expect(before.contains(#""changes":{"edited":1,"unchanged":3}"#))
        let dry = try StemmaProcess.run(["index", "reextract", "--dry-run", "--db", db])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.output == "\(url): 1 text would change (version 1); 2 versions\n"
            + "1 document read again: 1 would be rewritten (1 text changed), 0 unchanged\n")
        #expect(try history() == before)

        let run = try StemmaProcess.run(["index", "reextract", url, "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.hasPrefix("\(url): 1 text changed (version 1); 2 versions\n"))
        // Version 1 now holds the fourth paragraph, which version 2 (read as before) lacks.
        #expect(try history().contains(#""changes":{"deleted":1,"edited":1,"unchanged":3}"#))
        // Read again, it is unchanged: the rewrite stored what this extractor reads.
        #expect(try StemmaProcess.run(["index", "reextract", "--db", db]).output.hasSuffix("0 rewritten (0 texts changed), 1 unchanged\n"))
        // The watcher goes on from the rewritten history: the page as served is unchanged.
        let watch = try StemmaProcess.run(["watch", "--db", db, "--once", "--check-all", "--delay", "0"])
        #expect(watch.status == 0 && watch.output.isEmpty, "\(watch.stderr)")
    }

    @Test func missingIdsAndIndexesAreReported() throws {
        let (db, _) = try watchedIndex()
        let missing = try StemmaProcess.run(["index", "reextract", "https://ledger.example/none", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.stderr == "stemma: https://ledger.example/none: not in \(db)\n")
        let none = directory.appendingPathComponent("none.db").path
        let absent = try StemmaProcess.run(["index", "reextract", "--db", none])
        #expect(absent.status != 0 && absent.stderr.contains("\(none) does not exist"))
        #expect(!FileManager.default.fileExists(atPath: none))
    }
}
