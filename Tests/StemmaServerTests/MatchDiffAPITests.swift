import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import StemmaCore
import StemmaIO
import StemmaServer
import StemmaStore
import StemmaTestSupport
import Testing

@Suite struct MatchAPITests {
    @Test func theRepublishedCopyMatchesBothSeeds() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.post("/api/match", json: ["text": try Fixtures.newSeed()])
            #expect(response.status == .ok)
            let matches = try #require(try response.json()["matches"] as? [[String: Any]])
            #expect(matches.map { $0["id"] as? String } == [TestServer.newSeedID, TestServer.oldSeedID])
            #expect(matches[0]["jaccard"] as? Double == 1)
            let jaccard = try #require(matches[1]["jaccard"] as? Double)
            #expect(jaccard > 0.5 && jaccard < 1)
            #expect(matches[1]["date"] as? String == "2022-03-02")
            #expect(matches[1]["title"] as? String == "Russia, Ukraine agree to second round of talks")
            #expect(matches[1]["containmentOfQuery"] is Double && matches[1]["containmentOfIndexed"] is Double)
        }
    }

    /// `"summary": true` adds what `stemma match` shows of each match: the diff's counts and tags.
    @Test func summariesAreThoseOfTheDiff() async throws {
        let server = try TestServer.seeded()
        let text = try Fixtures.newSeed()
        let expected = DiffSummary(VersionDiff(old: try Fixtures.oldSeed(), new: text))
        try await server.test { client in
            let plain = try await client.post("/api/match", json: ["text": text])
            #expect((try plain.json()["matches"] as? [[String: Any]])?.allSatisfy { $0["summary"] == nil } == true)

            let response = try await client.post("/api/match", json: ["text": text, "summary": true])
            let matches = try #require(try response.json()["matches"] as? [[String: Any]])
            #expect(matches.map { $0["summary"] as? String } == ["no changes", expected.line])
            #expect(matches[1]["changes"] as? [String: Int] == Dictionary(uniqueKeysWithValues: expected.operations.map { ($0.key.rawValue, $0.value) }))
            #expect(matches[1]["tags"] as? [String: Int] == Dictionary(uniqueKeysWithValues: expected.tags.map { ($0.key.rawValue, $0.value) }))
            // Keys sorted, as the CLI's JSONEncoder writes them.
            #expect(response.text.hasPrefix(#"{"matches":[{"changes":{"#))
        }
    }

    @Test func matchHonoursTheLimitAndAnswersNoMatchesWithAnEmptyList() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let one = try await client.post("/api/match", json: ["text": try Fixtures.example(version: 2), "limit": 1])
            #expect((try one.json()["matches"] as? [Any])?.count == 1)
            let none = try await client.post("/api/match", json: ["text": "Nothing in the index reads like this sentence at all."])
            #expect(none.status == .ok)
            #expect((try none.json()["matches"] as? [Any])?.isEmpty == true)
            let zero = try await client.post("/api/match", json: ["text": "x", "limit": 0])
            #expect(zero.status == .badRequest && zero.errorMessage == "limit must be between 1 and 1000, not 0")
            let malformed = try await client.post("/api/match", body: "{\"txt\": \"x\"}")
            #expect(malformed.status == .badRequest && malformed.errorMessage == "malformed JSON: at $: missing field \"text\"")
        }
    }
}

@Suite struct DiffAPITests {
    /// What `stemma diff --format json OLD NEW` writes for the same texts and names.
    func cliReport(old: String, new: String, oldName: String, newName: String, pretty: Bool = true) -> String {
        let diff = VersionDiff(oldBytes: Array(old.utf8), newBytes: Array(new.utf8))
        return String(decoding: DiffReport(diff, oldPath: oldName, newPath: newName).jsonBytes(pretty: pretty), as: UTF8.self)
    }

    @Test func postedTextsGiveTheCLIReport() async throws {
        let old = try Fixtures.example(version: 1), new = try Fixtures.example(version: 2)
        let server = try TestServer()
        try await server.test { client in
            let named = try await client.post("/api/diff", json: ["old": old, "new": new, "oldName": "v1.txt", "newName": "v2.txt"])
            #expect(named.status == .ok)
            #expect(named.headers[.contentType] == "application/json; charset=utf-8")
            #expect(named.text == cliReport(old: old, new: new, oldName: "v1.txt", newName: "v2.txt"))
            let compact = try await client.post("/api/diff", json: ["old": old, "new": new, "compact": true])
            #expect(compact.text == cliReport(old: old, new: new, oldName: "old", newName: "new", pretty: false))
            let report = try DiffReport.decode(Array(compact.body.readableBytesView), path: "response")
            #expect(report.applyEditScript(to: Array(old.utf8)) == Array(new.utf8))
        }
    }

    @Test func indexedDocumentsGiveTheCLIReport() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.get("/api/diff?old=\(TestServer.oldSeedID)&new=\(TestServer.newSeedID)")
            #expect(response.status == .ok)
            #expect(response.text == cliReport(old: try Fixtures.oldSeed(), new: try Fixtures.newSeed(),
                                               oldName: TestServer.oldSeedID, newName: TestServer.newSeedID))
            #expect(response.text.contains("\"newText\": \", Bill Gertz\"") || response.text.contains("Bill Gertz"))

            let versions = try await client.get("/api/diff?old=harbor-bridge%2Fv1.txt&new=harbor-bridge%2Fv3.txt&compact=true")
            #expect(versions.text == cliReport(old: try Fixtures.example(version: 1), new: try Fixtures.example(version: 3),
                                               oldName: "harbor-bridge/v1.txt", newName: "harbor-bridge/v3.txt", pretty: false))
        }
    }

    @Test func diffOfTwoVersionsOfOneDocumentIsTheCLIReport() async throws {
        let server = try TestServer()
        _ = try server.store.add([Document(id: "a", text: Array("It rained on Monday.".utf8))])
        _ = try server.store.add([Document(id: "a", text: Array("It rained on Tuesday.".utf8))])
        try await server.test { client in
            let response = try await client.get("/api/diff?old=a&oldVersion=1&new=a&compact=1")
            #expect(response.text == cliReport(old: "It rained on Monday.", new: "It rained on Tuesday.", oldName: "a", newName: "a", pretty: false))
        }
    }

    @Test(arguments: [
        ("/api/diff?old=nope&new=\(TestServer.newSeedID)", HTTPResponse.Status.notFound, "no document with id nope"),
        ("/api/diff?old=\(TestServer.oldSeedID)&new=nope", .notFound, "no document with id nope"),
        ("/api/diff?old=\(TestServer.oldSeedID)", .badRequest, "missing query parameter new"),
        ("/api/diff?old=\(TestServer.oldSeedID)&new=\(TestServer.newSeedID)&newVersion=2", .notFound,
         "document \(TestServer.newSeedID) has no version 2"),
        ("/api/diff?old=\(TestServer.oldSeedID)&new=\(TestServer.newSeedID)&oldVersion=-1", .badRequest,
         "query parameter oldVersion must be a positive integer, not -1"),
        ("/api/diff?old=\(TestServer.oldSeedID)&new=\(TestServer.newSeedID)&compact=maybe", .badRequest,
         "query parameter compact must be true or false, not maybe"),
    ])
    func badQueries(uri: String, status: HTTPResponse.Status, message: String) async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.get(uri)
            #expect(response.status == status)
            #expect(response.errorMessage == message)
        }
    }

    @Test func aMalformedDiffBodyIs400NamingTheMember() async throws {
        let server = try TestServer()
        try await server.test { client in
            let response = try await client.post("/api/diff", body: "{\"old\": \"a\", \"new\": null}")
            #expect(response.status == .badRequest)
            #expect(response.errorMessage == "malformed JSON: at $.new: expected a string, found null")
        }
    }

    @Test func documentsWithoutTextCannotBeDiffed() async throws {
        let server = try TestServer()
        _ = try server.store.add([Document(id: "a", text: Array("One text.".utf8)), Document(id: "b", text: Array("Two.".utf8))],
                                 keepText: false)
        try await server.test { client in
            let response = try await client.get("/api/diff?old=a&new=b")
            #expect(response.status == .conflict)
            #expect(response.errorMessage == "the index keeps no text for a (it was added with --no-text)")
        }
    }
}
