import Foundation
import GRDB
import StemmaCore
@testable import StemmaStore
import StemmaTestSupport
import Testing

@Suite struct StoreTests {
    func document(_ id: String, _ text: String, date: String? = nil) -> Document {
        Document(id: id, text: Array(text.utf8), date: date)
    }

    func temporaryPath() -> String {
        ScratchDirectory.root.appendingPathComponent("stemma-store-\(UUID().uuidString).db").path
    }

    @Test func addingIsIdempotentAndRecordsVersions() throws {
        let store = try Store.empty()
        let v1 = try Fixtures.example(version: 1), v2 = try Fixtures.example(version: 2)
        #expect(try store.add([document("harbor", v1), document("wt", try Fixtures.oldSeed())]) == [.added, .added])
        #expect(try store.add([document("harbor", v1)]) == [.unchanged(1)])
        #expect(try store.add([document("harbor", v2)]) == [.newVersion(2)])
        let counts = try store.counts()
        #expect(counts.documents == 2 && counts.versions == 3)
    }

    @Test func versionsAreFetchedByIDAndNumber() throws {
        let store = try Store.empty()
        let v1 = try Fixtures.example(version: 1), v2 = try Fixtures.example(version: 2)
        _ = try store.add([Document(id: "harbor", text: Array(v1.utf8), title: "Bridge", date: "2026-02-20", source: "desk")])
        _ = try store.add([document("harbor", v2, date: "2026-02-21")])
        let latest = try #require(try store.version(of: "harbor"))
        #expect(latest.version == 2 && latest.latestVersion == 2 && latest.text == v2 && latest.bytes == v2.utf8.count)
        #expect(latest.date == "2026-02-21" && latest.title == "Bridge" && latest.source == "desk")
        let first = try #require(try store.version(of: "harbor", number: 1))
        #expect(first.text == v1 && first.date == "2026-02-20" && first.family == "harbor")
        #expect(try store.version(of: "harbor", number: 3) == nil)
        #expect(try store.version(of: "missing") == nil)
        let textless = try Store.empty()
        _ = try textless.add([document("harbor", v1)], keepText: false)
        #expect(try textless.version(of: "harbor")?.text == nil)
    }

    @Test func matchFindsVersionsAndCopies() throws {
        let store = try Store.empty()
        _ = try store.add([document("harbor", try Fixtures.example(version: 1), date: "2026-02-20"),
                           document("wt", try Fixtures.oldSeed(), date: "2022-03-02")])
        _ = try store.add([document("harbor", try Fixtures.example(version: 2))])
        let matches = try store.matches(for: Array(try Fixtures.example(version: 3).utf8))
        #expect(matches.map(\.documentID) == ["harbor", "harbor"])
        #expect(matches.first?.version == 2)  // v3 derives from v2
        #expect((matches.first?.jaccard ?? 0) > (matches.last?.jaccard ?? 1))
        let copy = try store.matches(for: Array(try Fixtures.newSeed().utf8))
        #expect(copy.map(\.documentID) == ["wt"])
        #expect(copy.first?.date == "2022-03-02")
        #expect(try store.matches(for: Array("Nothing like any stored text at all, about gardening.".utf8)).isEmpty)
    }

    @Test func familiesGrowAsVersionsArrive() throws {
        let store = try Store.empty()
        _ = try store.add([document("harbor-a", try Fixtures.example(version: 1), date: "2026-02-20"),
                           document("wt", try Fixtures.oldSeed(), date: "2022-03-02")])
        #expect(try store.families().isEmpty)
        // A republished copy under another id joins the Washington Times family.
        _ = try store.add([document("copy", try Fixtures.newSeed(), date: "2022-03-04")])
        _ = try store.add([document("harbor-b", try Fixtures.example(version: 2), date: "2026-02-21"),
                           document("harbor-c", try Fixtures.example(version: 3))])
        let families = try store.families()
        #expect(families.map(\.members) == [["harbor-a", "harbor-b", "harbor-c"], ["wt", "copy"]])
        #expect(families[1].earliestDate == "2022-03-02" && families[1].latestDate == "2022-03-04")
        #expect(try store.families(dates: DateRange(since: "2022-03-01", until: "2022-03-31")).map(\.name) == [families[1].name])
        #expect(try store.families(source: "nowhere").isEmpty)
    }

    @Test func historyOrdersVersionsAndFindsParents() throws {
        let store = try Store.empty()
        // Added out of order; dates put them right, and v3 (undated) follows what was added before it.
        _ = try store.add([document("harbor-2", try Fixtures.example(version: 2), date: "2026-02-21")])
        _ = try store.add([document("harbor-1", try Fixtures.example(version: 1), date: "2026-02-20")])
        _ = try store.add([document("harbor-3", try Fixtures.example(version: 3))])
        let history = try #require(try store.history(of: "harbor-3"))
        #expect(history.map(\.documentID) == ["harbor-1", "harbor-2", "harbor-3"])
        #expect(history.map(\.parent) == [nil, 0, 1])
        #expect(history[1].changes[.split] == 2 && history[1].changes[.merged] == 1)
        #expect(history[1].tags[.timeWordsRemoved] == 3)
        #expect(history[2].tags[.numberChanged] == 1)
        #expect(try store.history(of: "nobody") == nil)

        // An undated copy added before its dated original comes after it.
        _ = try store.add([document("copy", try Fixtures.newSeed())])
        _ = try store.add([document("wt", try Fixtures.oldSeed(), date: "2022-03-02")])
        let seeds = try #require(try store.history(of: "copy"))
        #expect(seeds.map(\.documentID) == ["wt", "copy"])
        #expect(seeds[1].parent == 0 && seeds[1].changes[.split] == 7)
    }

    @Test func longHistoriesDiffOnlyTheMostSimilarEarlierVersions() throws {
        // A story rewritten 30 times, each version one paragraph longer, then a copy of version
        // 4: more earlier versions than are diffed, and each still finds the one it derives from.
        let store = try Store.empty()
        let base = try Fixtures.example(version: 1)
        var text = base
        var versions: [String] = []
        for number in 1...30 {
            text += "\nUpdate \(number): officials gave the \(number)th briefing on the closure of the harbor bridge today."
            versions.append(text)
            _ = try store.add([document("story", text, date: String(format: "2026-03-%02d", number))])
        }
        _ = try store.add([document("copy", versions[3], date: "2026-04-30")])
        let history = try #require(try store.history(of: "story"))
        #expect(history.count == 31)
        #expect(history.map(\.parent) == [nil] + (0..<29).map { $0 } + [3])
        #expect(history[30].editedBytes == 0)
        #expect(Store.mostSimilar(to: [1, 2, 3], among: [[1, 2, 3], [9, 9, 9], [1, 2, 9], [1, 2, 3]], limit: 2) == [0, 3])
    }

    @Test func fileStoreKeepsItsParametersAndRefusesOthers() throws {
        let path = temporaryPath()
        let parameters = StoreParameters(shingleSize: 4, permutations: 64, seed: 9, threshold: 0.6)
        _ = try Store.open(path: path, parameters: parameters).add([document("a", "One two three four five six seven.")])
        let reopened = try Store.open(path: path)
        #expect(reopened.parameters == parameters)
        #expect(try reopened.counts().documents == 1)
        #expect(throws: StoreError.parametersMismatch(path: path, stored: parameters.description, requested: StoreParameters().description)) {
            try Store.open(path: path, parameters: StoreParameters())
        }
    }

    @Test func foreignFilesAreRefusedAndLeftAlone() throws {
        let text = temporaryPath()
        try Data("just some text, not a database".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.notADatabase(path: text, reason: "no SQLite header")) { try Store.open(path: text) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "just some text, not a database")

        let other = temporaryPath()
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE notes (body TEXT)") }
        #expect(throws: StoreError.notAStemmaDatabase(path: other)) { try Store.open(path: other) }
    }

    @Test func newerSchemaIsRefused() throws {
        let path = temporaryPath()
        _ = try Store.open(path: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        #expect(throws: StoreError.newerSchema(path: path)) { try Store.open(path: path) }
    }
}
