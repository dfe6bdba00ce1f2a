import Foundation
import GRDB
import StemmaCore
@testable import StemmaStore
import Testing

/// Stores documents and the captures of their versions, as a watcher would.
enum CaptureFixtures {
    static func document(_ id: String, _ text: String, title: String? = nil, url: String? = nil, date: String? = nil) -> Document {
        Document(id: id, text: Array(text.utf8), title: title, date: date, url: url)
    }

    static func capture(_ url: String, at fetched: Double, body: String = "<p>page</p>", minor: Bool = false) -> Capture {
        Capture(url: url, fetched: fetched, status: 200,
                headers: [.init(name: "Content-Type", value: "text/html; charset=utf-8"), .init(name: "Content-Encoding", value: "gzip")],
                body: Array(body.utf8), minor: minor)
    }

    /// The row of version `number` of `id`.
    static func row(of id: String, version number: Int, in store: Store) throws -> Int64 {
        try #require(try store.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM documentVersion WHERE documentId = ? AND number = ?", arguments: [id, number])
        })
    }

    static func insert(_ capture: Capture, of id: String, version: Int, in store: Store) throws {
        let row = try row(of: id, version: version, in: store)
        try store.writer.write { db in try capture.insert(version: row, in: db) }
    }
}

@Suite struct StoreChangesTests {
    @Test func emptyStoreHasNoChanges() throws {
        let page = try Store.empty().recentChanges(offset: 0, limit: 20, includeMinor: true)
        #expect(page.items.isEmpty && page.total == 0)
    }

    @Test func firstVersionsAreNotChanges() throws {
        let store = try Store.empty()
        _ = try store.add([CaptureFixtures.document("a", "One text of its own."), CaptureFixtures.document("b", "Another one entirely.")])
        #expect(try store.recentChanges(offset: 0, limit: 20, includeMinor: false).total == 0)
    }

    @Test func changesAreNewestFirstWithCaptureOrDocumentURL() throws {
        let store = try Store.empty()
        _ = try store.add([CaptureFixtures.document("a", "The mayor opened the bridge.", title: "Bridge", url: "https://example.com/a"),
                           CaptureFixtures.document("b", "Rain is expected on Sunday.", url: "https://example.com/b")])
        _ = try store.add([CaptureFixtures.document("a", "The mayor opened the new bridge.", title: "Bridge", url: "https://example.com/a",
                                                    date: "2026-03-02")])
        _ = try store.add([CaptureFixtures.document("b", "Rain is expected on Monday.", url: "https://example.com/b")])
        try CaptureFixtures.insert(CaptureFixtures.capture("https://example.com/b?redirected", at: 1_780_000_000), of: "b", version: 2, in: store)

        let page = try store.recentChanges(offset: 0, limit: 20, includeMinor: false)
        #expect(page.total == 2)
        #expect(page.items == [
            StoredChange(documentID: "b", version: 2, fetched: 1_780_000_000, url: "https://example.com/b?redirected"),
            StoredChange(documentID: "a", version: 2, date: "2026-03-02", url: "https://example.com/a", title: "Bridge"),
        ])
        let second = try store.recentChanges(offset: 1, limit: 1, includeMinor: false)
        #expect(second.items.map(\.documentID) == ["a"] && second.total == 2 && second.offset == 1)
    }

    @Test func minorChangesAreLeftOutUnlessAsked() throws {
        let store = try Store.empty()
        _ = try store.add([CaptureFixtures.document("a", "Updated at 10:00. The vote is on Tuesday.")])
        _ = try store.add([CaptureFixtures.document("a", "Updated at 11:00. The vote is on Tuesday.")])
        try CaptureFixtures.insert(CaptureFixtures.capture("https://example.com/a", at: 1_780_000_000, minor: true), of: "a", version: 2, in: store)

        #expect(try store.recentChanges(offset: 0, limit: 20, includeMinor: false).total == 0)
        let all = try store.recentChanges(offset: 0, limit: 20, includeMinor: true)
        #expect(all.total == 1 && all.items.first?.minor == true)
    }

    @Test func aTamperedFetchTimeIsAnErrorNotATrap() throws {
        let store = try Store.empty()
        _ = try store.add([CaptureFixtures.document("a", "First text.")])
        _ = try store.add([CaptureFixtures.document("a", "Second text.")])
        try CaptureFixtures.insert(CaptureFixtures.capture("https://example.com/a", at: 1), of: "a", version: 2, in: store)
        try store.writer.write { db in try db.execute(sql: "UPDATE capture SET fetched = 9e999") }
        #expect(throws: StoreError.self) { try store.recentChanges(offset: 0, limit: 20, includeMinor: false) }
    }
}

@Suite struct CaptureExportTests {
    func storeWithCaptures() throws -> Store {
        let store = try Store.empty()
        _ = try store.add([CaptureFixtures.document("a", "The mayor opened the bridge."), CaptureFixtures.document("b", "No capture here.")])
        _ = try store.add([CaptureFixtures.document("a", "The mayor opened the new bridge.")])
        try CaptureFixtures.insert(CaptureFixtures.capture("https://example.com/a", at: 1_780_000_000.5, body: "<p>first</p>"),
                                   of: "a", version: 1, in: store)
        // Long and repetitive, so that it is stored LZ4-compressed.
        try CaptureFixtures.insert(CaptureFixtures.capture("https://example.com/a", at: 1_780_003_600,
                                                           body: String(repeating: "<p>the new bridge</p>", count: 200)),
                                   of: "a", version: 2, in: store)
        return store
    }

    @Test func captureOfAVersionRoundTrips() throws {
        let store = try storeWithCaptures()
        let capture = try #require(try store.capture(documentID: "a", version: 2))
        #expect(capture == CaptureFixtures.capture("https://example.com/a", at: 1_780_003_600,
                                                   body: String(repeating: "<p>the new bridge</p>", count: 200)))
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT codec FROM capture WHERE bytes = 4200") } == 1)
        #expect(try store.capture(documentID: "b", version: 1) == nil)
        #expect(try store.capture(documentID: "a", version: 3) == nil)
        #expect(try store.capture(documentID: "missing", version: 1) == nil)
    }

    @Test func capturesArePagedInRowOrder() throws {
        let store = try storeWithCaptures()
        let first = try store.captures(afterRow: 0, limit: 1)
        #expect(first.map(\.version) == [1] && first.first?.documentID == "a")
        #expect(first.first?.capture.body == Array("<p>first</p>".utf8))
        #expect(first.first?.capture.fetched == 1_780_000_000.5)
        let rest = try store.captures(afterRow: try #require(first.last).row, limit: 10)
        #expect(rest.map(\.version) == [2])
        #expect(try store.captures(afterRow: try #require(rest.last).row, limit: 10).isEmpty)
        #expect(try Store.empty().captures(afterRow: 0, limit: 10).isEmpty)
    }

    @Test func anEmptyBodyRoundTrips() throws {
        let store = try Store.empty()
        _ = try store.add([CaptureFixtures.document("a", "Text.")])
        try CaptureFixtures.insert(CaptureFixtures.capture("https://example.com/a", at: 5, body: ""), of: "a", version: 1, in: store)
        #expect(try store.capture(documentID: "a", version: 1)?.body == [])
    }

    /// `bytes` set to absurd values, a body cut short, an unknown codec: each is one error.
    @Test(arguments: ["UPDATE capture SET bytes = -1", "UPDATE capture SET bytes = 900000000000", "UPDATE capture SET bytes = bytes + 1",
                      "UPDATE capture SET body = substr(body, 1, 10)", "UPDATE capture SET codec = 7", "UPDATE capture SET body = NULL",
                      "UPDATE capture SET status = 'x'"])
    func aDamagedCaptureThrows(tampering: String) throws {
        let store = try storeWithCaptures()
        try store.writer.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "CREATE TABLE captureCopy AS SELECT * FROM capture")
            try db.execute(sql: "DROP TABLE capture")
            try db.execute(sql: "ALTER TABLE captureCopy RENAME TO capture")  // without NOT NULL, so NULL can be written
            try db.execute(sql: tampering)
        }
        #expect(throws: StoreError.self) { try store.captures(afterRow: 0, limit: 10) }
        #expect(throws: StoreError.self) { try store.capture(documentID: "a", version: 2) }
    }

    @Test func aBodyCutShortNamesTheCapture() throws {
        let store = try storeWithCaptures()
        try store.writer.write { db in try db.execute(sql: "UPDATE capture SET bytes = bytes + 1") }
        let row = try CaptureFixtures.row(of: "a", version: 1, in: store)
        #expect {
            try store.captures(afterRow: 0, limit: 10)
        } throws: { error in
            guard case StoreError.corruptCapture(let version, _) = error else { return false }
            return version == row && "\(error)".contains("capture")
        }
    }
}
