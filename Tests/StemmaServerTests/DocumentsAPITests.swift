import StemmaCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import StemmaServer
import StemmaStore
import StemmaTestSupport
import Testing

@Suite struct DocumentsAPITests {
    @Test func addingOneThenABatchReportsEachOutcomeAndVersion() async throws {
        let server = try TestServer()
        try await server.test { client in
            let one = try await client.post("/api/documents", json: ["id": "a", "text": "The council voted to close the bridge.",
                                                                      "title": "Bridge", "date": "2024-05-01", "source": "Gazette"])
            #expect(one.status == .created)
            let outcome = try #require((try one.json()["documents"] as? [[String: Any]])?.first)
            #expect(outcome["id"] as? String == "a" && outcome["outcome"] as? String == "added" && outcome["version"] as? Int == 1)

            let batch = try await client.post("/api/documents", json: [
                ["id": "a", "text": "The council voted to close the bridge."],
                ["id": "a", "text": "The council voted on Wednesday to close the old bridge."],
                ["id": "b", "text": "Another story entirely."],
            ])
            #expect(batch.status == .created)
            let outcomes = try #require(try batch.json()["documents"] as? [[String: Any]])
            #expect(outcomes.map { $0["outcome"] as? String } == ["unchanged", "newVersion", "added"])
            #expect(outcomes.map { $0["version"] as? Int } == [1, 2, 1])

            let unchanged = try await client.post("/api/documents", json: ["id": "b", "text": "Another story entirely."])
            #expect(unchanged.status == .ok)

            let latest = try await client.get("/api/documents/a")
            #expect(latest.status == .ok)
            let document = try latest.json()
            #expect(document["text"] as? String == "The council voted on Wednesday to close the old bridge.")
            #expect(document["version"] as? Int == 2 && document["latestVersion"] as? Int == 2)
            #expect(document["title"] as? String == "Bridge" && document["family"] as? String == "a")

            let first = try await client.get("/api/documents/a?version=1")
            #expect(try first.json()["text"] as? String == "The council voted to close the bridge.")
        }
    }

    @Test func idsWithSlashesArePercentEncoded() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.get("/api/documents/\(pathEncoded("harbor-bridge/v2.txt"))")
            #expect(response.status == .ok)
            #expect(try response.json()["id"] as? String == "harbor-bridge/v2.txt")
            let response1 = try await client.get("/api/documents/harbor-bridge/v2.txt")
            #expect(response1.status == .notFound)
        }
    }

    @Test func unknownDocumentAndVersionAre404() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let missing = try await client.get("/api/documents/nope")
            #expect(missing.status == .notFound)
            #expect(missing.errorMessage == "no document with id nope")
            let version = try await client.get("/api/documents/\(TestServer.newSeedID)?version=7")
            #expect(version.status == .notFound)
            #expect(version.errorMessage == "document \(TestServer.newSeedID) has no version 7")
            let badVersion = try await client.get("/api/documents/\(TestServer.newSeedID)?version=first")
            #expect(badVersion.status == .badRequest)
        }
    }

    @Test(arguments: [
        ("{\"id\": \"a\", \"text\": ", "malformed JSON: Unexpected end of file during JSON parse."),
        ("{\"id\": \"a\", \"text\": nope}", "malformed JSON: Invalid value around character"),
        ("", "malformed JSON: the request body is empty"),
        ("{\"id\": \"a\"}", "malformed JSON: at $: missing field \"text\""),
        ("{\"id\": \"a\", \"text\": 42}", "malformed JSON: at $.text: expected a string"),
        ("[{\"id\": \"a\", \"text\": \"x\"}, {\"id\": 7, \"text\": \"y\"}]", "malformed JSON: at $[1].id: expected a string"),
        ("[]", "no documents in the request"),
        ("{\"id\": \"\", \"text\": \"x\"}", "document 0: id is empty"),
    ])
    func malformedBodiesAre400WithAMessage(body: String, message: String) async throws {
        let server = try TestServer()
        try await server.test { client in
            let response = try await client.post("/api/documents", body: body)
            #expect(response.status == .badRequest)
            let received = try #require(response.errorMessage)
            #expect(received.hasPrefix(message))
            #expect(try server.store.counts().documents == 0)
        }
    }
}

/// Issue 11, item 8: SQLite cuts text at a NUL, so such an id was stored cut (or collided).
@Suite struct DocumentIDTests {
    @Test func issue11_nulInIDIsRejected() async throws {
        let server = try TestServer()
        try await server.test { client in
            let alone = try await client.post("/api/documents", json: ["id": "nul\u{0}id", "text": "A story."])
            #expect(alone.status == .badRequest && alone.errorMessage == "document 0: id contains a NUL character")
            #expect(try server.store.counts().documents == 0)

            let nul = try await client.post("/api/documents", json: ["id": "nul", "text": "A story."])
            #expect(nul.status == .created)
            let colliding = try await client.post("/api/documents", json: ["id": "nul\u{0}id", "text": "Another story."])
            #expect(colliding.status == .badRequest)
            #expect(try server.store.version(of: "nul")?.text == "A story.")
        }
    }

    /// A store `stemma serve` may not write is served read-only: reads answer, adds are 403.
    @Test func issue11_aReadOnlyStoreIsServedForReading() async throws {
        let path = ScratchDirectory.root.appendingPathComponent("stemma-ro-\(UUID().uuidString).db").path
        _ = try Store.open(path: path).add([Document(id: "a", text: Array("A story about the harbor bridge.".utf8))])
        let server = TestServer(store: try Store.open(path: path, readOnly: true))
        try await server.test { client in
            #expect(try await client.get("/api/documents/a").status == .ok)
            let add = try await client.post("/api/documents", json: ["id": "b", "text": "Another story."])
            #expect(add.status == .forbidden && add.errorMessage?.contains("read-only") == true)
        }
        #expect(try Store.open(path: path, readOnly: true).counts().documents == 1)
    }

    /// One bad record refuses the whole batch (one transaction), naming the record.
    @Test func issue11_badIDRefusesTheBatch() async throws {
        let server = try TestServer()
        try await server.test { client in
            let response = try await client.post("/api/documents", json: [
                ["id": "good", "text": "A story."], ["id": "tab\tid", "text": "Another."], ["id": "also-good", "text": "More."],
            ])
            #expect(response.status == .badRequest)
            #expect(response.errorMessage == "document 1: id contains the control character U+0009")
            #expect(try server.store.counts().documents == 0)
        }
    }

    @Test(arguments: [
        "/api/documents/nul%00id", "/api/documents/line%0Abreak", "/api/families/nul%00id/history",
        "/api/diff?old=nul%00id&new=a", "/api/diff?old=a&new=del%7F", "/document?id=nul%00id", "/history?id=nul%00id",
        "/diff?old=nul%00id&new=a",
    ])
    func issue11_badIDsInRequestsAre400(uri: String) async throws {
        let server = try TestServer()
        try await server.test { client in
            let added = try await client.post("/api/documents", json: ["id": "nul", "text": "A story."])
            try #require(added.status == .created)
            let response = try await client.get(uri)
            #expect(response.status == .badRequest, "\(uri)")
            #expect(response.text.contains("id contains"), "\(uri)")
        }
    }
}

@Suite struct AuthorizationTests {
    let configuration = ServerConfiguration(port: 0, token: "s3cret")

    @Test func writesNeedTheBearerToken() async throws {
        let server = try TestServer(configuration: configuration)
        try await server.test { client in
            let document: [String: Any] = ["id": "a", "text": "Some text to index."]
            let anonymous = try await client.post("/api/documents", json: document)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate] == "Bearer")
            #expect(anonymous.errorMessage?.contains("Authorization: Bearer") == true)
            let wrong = try await client.post("/api/documents", json: document, headers: [.authorization: "Bearer s3cre7"])
            #expect(wrong.status == .unauthorized)
            let basic = try await client.post("/api/documents", json: document, headers: [.authorization: "Basic s3cret"])
            #expect(basic.status == .unauthorized)
            #expect(try server.store.counts().documents == 0)

            let right = try await client.post("/api/documents", json: document, headers: [.authorization: "Bearer s3cret"])
            #expect(right.status == .created)
        }
    }

    @Test func readsNeedNoToken() async throws {
        let server = try TestServer(configuration: configuration)
        try await server.test { client in
            let response2 = try await client.get("/health")
            #expect(response2.status == .ok)
            let response3 = try await client.get("/api/families")
            #expect(response3.status == .ok)
            let response4 = try await client.post("/api/match", json: ["text": "anything"])
            #expect(response4.status == .ok)
            let response5 = try await client.get("/")
            #expect(response5.status == .ok)
        }
    }

    @Test func anEmptyTokenMeansNone() {
        #expect(ServerConfiguration(token: "").token == nil)
    }
}
