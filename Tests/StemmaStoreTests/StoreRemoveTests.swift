import Foundation
import GRDB
import StemmaCore
@testable import StemmaStore
import Testing

/// Texts of made-up words, so that overlaps are exactly the shared word ranges.
enum WordTexts {
    static func word(_ number: Int) -> String {
        var n = number, letters = ""
        repeat {
            letters.append(Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(n % 26))))
            n /= 26
        } while n > 0
        return "q" + letters
    }

    /// Words `range`, as one text.
    static func text(_ range: Range<Int>) -> String {
        range.map(word).joined(separator: " ") + "."
    }

    static func document(_ id: String, _ range: Range<Int>, date: String? = nil, source: String? = nil) -> Document {
        Document(id: id, text: Array(text(range).utf8), date: date, source: source)
    }
}

@Suite struct StoreRemoveTests {
    /// Every bucket entry of the store, over all bands and runs.
    func allEntries(_ store: Store) throws -> [(band: Int, entry: BucketEntry)] {
        try store.writer.read { db in
            let runs = BucketRuns(db: db)
            return try runs.catalog().flatMap { run in try runs.read(run).map { (run.band, $0) } }
        }
    }

    func versionRows(of id: String, in store: Store) throws -> [Int64] {
        try store.writer.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM documentVersion WHERE documentId = ?", arguments: [id]) }
    }

    @Test func issue12_removedDocumentLeavesMatchesVersionsPairsAndBuckets() throws {
        let store = try Store.empty()
        _ = try store.add([WordTexts.document("a", 0..<100), WordTexts.document("b", 0..<95), WordTexts.document("c", 500..<600)])
        _ = try store.add([WordTexts.document("a", 0..<98)])
        let rows = try versionRows(of: "a", in: store)
        #expect(rows.count == 2)
        #expect(try store.matches(for: Array(WordTexts.text(0..<100).utf8)).map(\.documentID).contains("a"))
        let entriesBefore = try allEntries(store).count

        let removal = try store.remove(["a", "missing", "a"])
        #expect(removal.removed == ["a"] && removal.missing == ["missing"] && removal.versions == 2)
        #expect(removal.families == ["b"])

        #expect(try store.version(of: "a") == nil)
        #expect(try store.counts().documents == 2 && store.counts().versions == 2)
        #expect(try store.matches(for: Array(WordTexts.text(0..<100).utf8)).map(\.documentID) == ["b"])
        let left = try allEntries(store)
        #expect(!left.contains { rows.contains($0.entry.version) })
        #expect(left.count == entriesBefore - 2 * store.lsh.bands)
        let catalogCount = try store.writer.read { db in try BucketRuns(db: db).catalog().reduce(0) { $0 + $1.entries } }
        #expect(catalogCount == left.count)
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pair") } == 0)
        #expect(try store.families().isEmpty)
    }

    /// A ~ B ~ C, but A and C share too little: removing B leaves two families of one.
    @Test func issue12_removingTheBridgeSplitsTheFamily() throws {
        let store = try Store.empty()
        _ = try store.add([WordTexts.document("a", 0..<100), WordTexts.document("c", 40..<140)])
        _ = try store.add([WordTexts.document("b", 20..<120)])
        let pairs = try store.writer.read { db in try Row.fetchAll(db, sql: "SELECT a, b FROM pair ORDER BY a, b").map { "\($0[0] as String)-\($0[1] as String)" } }
        try #require(pairs == ["a-b", "b-c"])
        try #require(try store.families().map(\.members) == [["a", "b", "c"]])

        let removal = try store.remove(["b"])
        #expect(removal.families == ["a", "c"])
        #expect(try store.version(of: "a")?.family == "a" && store.version(of: "c")?.family == "c")
        #expect(try store.families().isEmpty)
    }

    /// The family keeps its name in the part that holds its namesake; the other part is named
    /// after its member indexed first.
    @Test func issue12_splitPartsAreNamedAfterTheirNamesakeOrFirstMember() throws {
        let store = try Store.empty()
        // x ~ y ~ bridge ~ z ~ w, indexed so that the family is named "x".
        _ = try store.add([WordTexts.document("x", 0..<100)])
        _ = try store.add([WordTexts.document("y", 5..<105)])
        _ = try store.add([WordTexts.document("bridge", 25..<125)])
        _ = try store.add([WordTexts.document("w", 50..<150)])
        _ = try store.add([WordTexts.document("z", 45..<145)])
        let before = try #require(try store.families().first)
        try #require(before.name == "x" && before.members.count == 5)
        let pairs = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pair WHERE (a IN ('x','y') AND b IN ('w','z')) OR (a IN ('w','z') AND b IN ('x','y'))") }
        try #require(pairs == 0)

        let removal = try store.remove(["bridge"])
        #expect(removal.families == ["w", "x"])
        #expect(Set(try store.families().map { "\($0.name): \($0.members.sorted())" }) == ["x: [\"x\", \"y\"]", "w: [\"w\", \"z\"]"])

        // Its namesake gone, the family is named after the member indexed first.
        #expect(try store.remove(["x"]).families == ["y"])
        #expect(try store.version(of: "y")?.family == "y")
        // A document added later under the removed id starts a family of its own.
        _ = try store.add([WordTexts.document("x", 900..<1000)])
        #expect(try store.version(of: "x")?.family == "x" && store.version(of: "y")?.family == "y")
    }

    /// Texts share blocks: the block is written again without the removed text, and the others
    /// still read.
    @Test func issue12_removalRewritesTheSharedTextBlock() throws {
        let store = try Store.empty()
        let texts = ["a": WordTexts.text(0..<50), "b": WordTexts.text(1000..<1050) + " secret", "c": WordTexts.text(2000..<2050)]
        _ = try store.add(["a", "b", "c"].map { Document(id: $0, text: Array(texts[$0, default: ""].utf8)) })
        let blocks = { try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM textBlock") } }
        try #require(try blocks() == 1)

        _ = try store.remove(["b"])
        #expect(try store.version(of: "a")?.text == texts["a"] && store.version(of: "c")?.text == texts["c"])
        let stored = try store.writer.read { db -> [UInt8] in
            var reader = StoredTextReader(db: db)
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM textBlock"))
            return try reader.bytes(ofBlock: id)
        }
        #expect(!String(decoding: stored, as: UTF8.self).contains("secret"))
        _ = try store.remove(["a", "c"])
        #expect(try blocks() == 0)
    }

    /// The in-memory tables are dropped with the entries, and a version that gets the freed row
    /// id is not taken for the removed one.
    @Test func issue12_removalKeepsInMemoryTablesAndReusedRowIDsRight() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-remove-\(UUID().uuidString).db").path
        let store = try Store.open(path: path)
        store.buckets.loadShare = 0
        _ = try store.add([WordTexts.document("a", 0..<100), WordTexts.document("b", 300..<400)])
        _ = try store.add([WordTexts.document("c", 600..<700)])
        try #require(store.buckets.hasTables)
        let freed = try #require(try versionRows(of: "c", in: store).first)

        _ = try store.remove(["c"])
        #expect(!store.buckets.hasTables)
        // SQLite gives the next version the largest row id plus one: the one just freed.
        _ = try store.add([WordTexts.document("d", 1200..<1300)])
        #expect(try versionRows(of: "d", in: store) == [freed])
        #expect(try store.matches(for: Array(WordTexts.text(600..<700).utf8)).isEmpty)
        // The tables the add loaded hold no entry of "c": a copy of it pairs with nothing.
        _ = try store.add([WordTexts.document("c-copy", 600..<700), WordTexts.document("a-copy", 0..<100)])
        #expect(try store.families().map(\.members) == [["a", "a-copy"]])
        #expect(try Store.open(path: path).matches(for: Array(WordTexts.text(600..<700).utf8)).map(\.documentID) == ["c-copy"])
    }
}
