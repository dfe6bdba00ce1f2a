import Foundation
import GRDB
import StemmaCore
@testable import StemmaStore
import Testing

@Suite struct StoreManagementTests {
    @Test func issue12_statsCountWhatTheIndexHolds() throws {
        let store = try Store.empty()
        _ = try store.add([WordTexts.document("a", 0..<100), WordTexts.document("b", 0..<95), WordTexts.document("c", 500..<600)])
        _ = try store.add([WordTexts.document("c", 500..<590)], keepText: false)
        let stats = try store.stats()
        #expect(stats.documents == 3 && stats.versions == 4)
        #expect(stats.families == 2 && stats.familiesWithMembers == 1 && stats.largestFamily == 2)
        #expect(stats.pairs == 1 && stats.versionsWithText == 3 && stats.textBlocks == 1)
        #expect(stats.bucketEntries == 4 * store.lsh.bands)
        #expect(stats.parameters == StoreParameters() && stats.bands == store.lsh.bands && stats.rows == store.lsh.rows)
        #expect(stats.textBytes == [0..<100, 0..<95, 500..<600, 500..<590].reduce(0) { $0 + WordTexts.text($1).utf8.count })
        let tables = try #require(stats.tableBytes, "this SQLite has no dbstat")
        #expect(Set(tables.keys).isSuperset(of: ["document", "documentVersion", "pair", "bucketBlock", "bucketRun", "textBlock"]))
        #expect(tables.values.reduce(0, +) <= stats.fileBytes && tables.values.allSatisfy { $0 > 0 })
    }

    @Test func issue12_documentsAreListedFilteredAndPaged() throws {
        let store = try Store.empty()
        _ = try store.add([
            WordTexts.document("a", 0..<100, date: "2022-03-02", source: "wire"),
            WordTexts.document("b", 0..<95, date: "2022-04-01T10:00:00Z", source: "paper"),
            WordTexts.document("c", 500..<600, source: "wire"),
            WordTexts.document("d", 900..<1000, date: "2021-12-31", source: "wire"),
        ])
        _ = try store.add([WordTexts.document("a", 0..<99)])
        let all = try store.documents()
        #expect(all.total == 4 && all.items.map(\.id) == ["a", "b", "c", "d"])
        #expect(all.items[0] == StoredDocumentSummary(id: "a", latestVersion: 2, date: "2022-03-02", title: nil, source: "wire", family: "a"))
        #expect(all.items[1].family == "a" && all.items[2].date == nil)

        #expect(try store.documents(DocumentFilter(source: "wire")).items.map(\.id) == ["a", "c", "d"])
        #expect(try store.documents(DocumentFilter(family: "a")).items.map(\.id) == ["a", "b"])
        let march = try DateRange(since: "2022-03", until: "2022-04")
        #expect(try store.documents(DocumentFilter(dates: march)).items.map(\.id) == ["a", "b"])
        #expect(try store.documents(DocumentFilter(source: "wire", dates: try DateRange(until: "2022"))).items.map(\.id) == ["a", "d"])

        let page = try store.documents(limit: 2, offset: 1)
        #expect(page.items.map(\.id) == ["b", "c"] && page.total == 4 && page.offset == 1 && page.limit == 2)
        #expect(try store.documents(limit: 2, offset: 4).items.isEmpty)
    }

    @Test func issue12_familiesArePaged() throws {
        let store = try Store.empty()
        _ = try store.add([
            WordTexts.document("a1", 0..<100), WordTexts.document("a2", 0..<98), WordTexts.document("a3", 0..<97),
            WordTexts.document("b1", 500..<600), WordTexts.document("b2", 500..<598), WordTexts.document("c", 900..<1000),
        ])
        let page = try store.families(limit: 1, offset: 1)
        #expect(page.total == 2 && page.items.map(\.name) == ["b1"])
        #expect(try store.families(limit: nil, offset: 0).items.map(\.name) == ["a1", "b1"])
        #expect(try store.families(limit: 5, offset: 9).items.isEmpty)
    }

    /// A family that others join keeps its name, even when a joining family's name sorts first.
    @Test func issue12_aFamilyKeepsItsNameWhenAnotherMergesIntoIt() throws {
        let store = try Store.empty()
        _ = try store.add([WordTexts.document("m1", 0..<100), WordTexts.document("m2", 0..<98)])
        _ = try store.add([WordTexts.document("a-late", 0..<99)])
        #expect(try store.families().map(\.name) == ["m1"])

        // Two families of one: the one indexed first keeps its name.
        _ = try store.add([WordTexts.document("z-first", 500..<600)])
        _ = try store.add([WordTexts.document("b-second", 500..<598)])
        #expect(try store.version(of: "b-second")?.family == "z-first")

    }

    /// A bridge between an older family of two and a younger one of three: the older keeps its
    /// name, though it is smaller and its name sorts last.
    @Test func issue12_theOlderFamilyKeepsItsNameInAMerge() throws {
        let store = try Store.empty()
        _ = try store.add([WordTexts.document("x1", 40..<140), WordTexts.document("x2", 40..<138)])
        _ = try store.add([WordTexts.document("m1", 0..<100), WordTexts.document("m2", 0..<98), WordTexts.document("m3", 0..<99)])
        try #require(Set(try store.families().map(\.name)) == ["x1", "m1"])
        _ = try store.add([WordTexts.document("0-bridge", 20..<120)])
        #expect(try store.families().map { "\($0.name) \($0.members.count)" } == ["x1 6"])
    }

    /// The names do not depend on how the adds are cut into transactions: b ~ c, and d joins a
    /// and c. Added in two batches, {b, c} is the larger family when d arrives.
    @Test func issue12_familyNamesDoNotDependOnTheBatches() throws {
        let first = [WordTexts.document("a", 0..<100), WordTexts.document("b", 40..<138), WordTexts.document("c", 40..<140)]
        let bridge = WordTexts.document("d", 20..<120)
        let one = try Store.empty(), two = try Store.empty()
        _ = try one.add(first + [bridge])
        _ = try two.add(first)
        try #require(try two.families().map(\.members) == [["b", "c"]])
        _ = try two.add([bridge])
        #expect(try one.families() == two.families())
        #expect(try one.families().map { "\($0.name) \($0.members.count)" } == ["a 4"])
    }

    @Test func issue12_anUndatedVersionKeepsNoDateInHistory() throws {
        let store = try Store.empty()
        _ = try store.add([WordTexts.document("a", 0..<100)])
        _ = try store.add([WordTexts.document("a", 0..<98, date: "2022-03-05")])
        _ = try store.add([WordTexts.document("b", 0..<99, date: "2022-03-01")])
        let history = try #require(try store.history(of: "a"))
        #expect(history.map { "\($0.documentID) v\($0.version) \($0.date ?? "date unknown")" }
            == ["b v1 2022-03-01", "a v1 date unknown", "a v2 2022-03-05"])
        // The document keeps its latest date.
        #expect(try store.version(of: "a")?.date == "2022-03-05")
    }

    @Test func issue12_anUndatedVersionKeepsNoDateInMatchesAndFetches() throws {
        let store = try Store.empty()
        _ = try store.add([WordTexts.document("a", 0..<100)])
        _ = try store.add([WordTexts.document("a", 0..<98, date: "2022-03-05")])
        #expect(try store.version(of: "a", number: 1)?.date == nil)
        #expect(try store.version(of: "a", number: 2)?.date == "2022-03-05")
        let matches = try store.matches(for: WordTexts.document("q", 0..<100).text)
        #expect(matches.map { "v\($0.version) \($0.date ?? "date unknown")" } == ["v1 date unknown", "v2 2022-03-05"])
    }
}
