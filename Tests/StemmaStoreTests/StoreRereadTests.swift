import Foundation
import GRDB
import StemmaCore
@testable import StemmaStore
import StemmaTestSupport
import Testing

/// `Store.reread(_:as:)`: a document's history stored again from new texts.
@Suite struct StoreRereadTests {
    /// Document `a` in three versions, each with a capture, beside `b`, a near copy of `a`'s last.
    func watchedStore() throws -> Store {
        let store = try Store.empty()
        _ = try store.add([WordTexts.document("a", 0..<100, date: "2026-03-01")])
        _ = try store.add([WordTexts.document("a", 0..<101, date: "2026-03-02")])
        _ = try store.add([WordTexts.document("a", 0..<102, date: "2026-03-03"), WordTexts.document("b", 0..<98)])
        for version in 1...3 {
            try CaptureFixtures.insert(CaptureFixtures.capture("https://example.com/a", at: Double(version) * 86_400, body: "<p>v\(version)</p>"),
                                       of: "a", version: version, in: store)
        }
        return store
    }

    func reread(_ ranges: [Range<Int>], dates: [String?]) -> [RereadVersion] {
        zip(ranges, dates).enumerated().map { index, item in
            RereadVersion(document: WordTexts.document("a", item.0, date: item.1), replacing: index + 1)
        }
    }

    /// The capture rows of each version of `id`.
    func captureRows(of id: String, in store: Store) throws -> [Int: [Int64]] {
        try store.writer.read { db in
            var rows: [Int: [Int64]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT v.number, c.id FROM capture c JOIN documentVersion v ON v.id = c.version WHERE v.documentId = ? ORDER BY c.id
                """, arguments: [id]) {
                rows[row["number"], default: []].append(row["id"])
            }
            return rows
        }
    }

    @Test func newTextsReplaceTheHistoryAndKeepEveryCapture() throws {
        let store = try watchedStore()
        let rowsBefore = try captureRows(of: "a", in: store).values.flatMap { $0 }.sorted()
        // Versions 2 and 3 now read alike: two versions remain, the second holding both captures.
        let numbers = try store.reread("a", as: reread([200..<300, 200..<301, 200..<301], dates: ["2026-03-01", "2026-03-02", "2026-03-03"]))
        #expect(numbers == [1, 2, 2])
        #expect(try store.version(of: "a")?.latestVersion == 2)
        #expect(try store.version(of: "a", number: 2)?.text == WordTexts.text(200..<301))
        #expect(try store.version(of: "a", number: 1)?.date == "2026-03-01")
        let captures = try captureRows(of: "a", in: store)
        #expect(captures[1]?.count == 1 && captures[2]?.count == 2)
        #expect(captures.values.flatMap { $0 }.sorted() == rowsBefore)
        // The version keeps the capture it was first read from.
        #expect(try store.capture(documentID: "a", version: 2)?.body == Array("<p>v2</p>".utf8))
        #expect(try store.capture(documentID: "a", version: 3) == nil)
        #expect(try store.recentChanges(offset: 0, limit: 10, includeMinor: true).total == 1)
    }

    @Test func pairsAndFamiliesFollowTheNewTexts() throws {
        let store = try watchedStore()
        #expect(try store.version(of: "b")?.family == "a")
        _ = try store.reread("a", as: reread([500..<600, 500..<601, 500..<602], dates: [nil, nil, nil]))
        // `a` no longer reads like `b`: the pair is gone and each is a family of its own.
        #expect(try store.version(of: "b")?.family == "b")
        #expect(try store.version(of: "a")?.family == "a")
        #expect(try !store.matches(for: Array(WordTexts.text(0..<100).utf8)).map(\.documentID).contains("a"))
        #expect(try store.matches(for: Array(WordTexts.text(500..<602).utf8)).map(\.documentID).contains("a"))

        _ = try store.reread("a", as: reread([0..<100, 0..<101, 0..<102], dates: [nil, nil, nil]))
        #expect(try Set([store.version(of: "a")?.family, store.version(of: "b")?.family]).count == 1)
    }

    @Test func theWatchStateIsKept() throws {
        let store = try watchedStore()
        try store.watch(feeds: [], pages: ["https://example.com/a"], at: 10)
        var page = try #require(try store.watchedPage("https://example.com/a"))
        page.documentID = "a"
        page.nextCheck = 1_000
        try store.writer.write { db in try page.update(in: db) }
        _ = try store.reread("a", as: reread([200..<300, 200..<301, 200..<302], dates: [nil, nil, nil]))
        #expect(try store.watchedPage("https://example.com/a") == page)
    }

    @Test func severalDocumentsAreRereadInOneCall() throws {
        let store = try watchedStore()
        let numbers = try store.reread([
            ("a", reread([200..<300, 200..<301, 200..<302], dates: [nil, nil, nil])),
            ("missing", [RereadVersion(document: WordTexts.document("missing", 0..<10), replacing: 1)]),
            ("b", [RereadVersion(document: WordTexts.document("b", 200..<299), replacing: 1)]),
        ])
        #expect(numbers == [[1, 2, 3], nil, [1]])
        #expect(try store.version(of: "b")?.text == WordTexts.text(200..<299))
        #expect(try store.version(of: "missing") == nil)
        // `a` and `b` read alike again, now from their new texts.
        #expect(try store.version(of: "a")?.family == store.version(of: "b")?.family)
        #expect(try captureRows(of: "a", in: store).values.map(\.count).reduce(0, +) == 3)
    }

    @Test func aDocumentNotStoredIsNil() throws {
        let store = try watchedStore()
        let numbers = try store.reread("missing", as: [RereadVersion(document: WordTexts.document("missing", 0..<10), replacing: 1)])
        #expect(numbers == nil)
        #expect(try store.version(of: "missing") == nil && store.counts().documents == 2)
    }

    @Test func aFailedRereadLeavesTheOldHistory() throws {
        let store = try watchedStore()
        let before = try store.version(of: "a", number: 3)
        // The new versions are refused inside the transaction, after the old ones were deleted.
        try store.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON documentVersion BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        #expect(throws: (any Error).self) { try store.reread("a", as: reread([200..<300], dates: [nil])) }
        try store.writer.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        #expect(try store.version(of: "a", number: 3) == before)
        #expect(try captureRows(of: "a", in: store).values.map(\.count).reduce(0, +) == 3)
        // The store still matches and adds, its bucket tables dropped and found again.
        #expect(try store.matches(for: Array(WordTexts.text(0..<102).utf8)).map(\.documentID).contains("a"))
        _ = try store.add([WordTexts.document("c", 0..<102)])
        #expect(try store.version(of: "c")?.family == "a")
    }

    @Test func aStoreOfSchemaV5KeepsItsCapturesThroughTheMigration() throws {
        let scratch = try ScratchDirectory(prefix: "reread")
        let path = scratch.url.appendingPathComponent("v5.db").path
        do {
            let store = try Store.open(path: path)
            _ = try store.add([WordTexts.document("a", 0..<50)])
        }
        // The capture table as v5-watch made it, one capture in it, and v6 not yet applied.
        try DatabaseQueue(path: path).write { db in
            let version = try Int64.fetchOne(db, sql: "SELECT id FROM documentVersion") ?? 0
            try db.execute(sql: """
                DROP TABLE capture;
                CREATE TABLE capture (
                    version INTEGER PRIMARY KEY REFERENCES documentVersion(id),
                    url TEXT NOT NULL, fetched REAL NOT NULL, status INTEGER NOT NULL, headers TEXT NOT NULL,
                    codec INTEGER NOT NULL, bytes INTEGER NOT NULL, body BLOB NOT NULL, minor INTEGER NOT NULL DEFAULT 0
                );
                INSERT INTO capture VALUES (\(version), 'https://example.com/a', 86400, 200, 'Content-Type: text/html\r\n', 0, 3, x'3C703E', 0);
                DELETE FROM grdb_migrations WHERE identifier = 'v6-capture-ids';
                """)
        }
        let store = try Store.open(path: path)
        let capture = try #require(try store.capture(documentID: "a", version: 1))
        #expect(capture.body == Array("<p>".utf8) && capture.url == "https://example.com/a")
        #expect(try store.captures(afterRow: 0, limit: 10).map(\.row) == [try CaptureFixtures.row(of: "a", version: 1, in: store)])
    }
}
