import StemmaCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import StemmaServer
import StemmaStore
import StemmaTestSupport
import Testing

extension TestClientProtocol {
    func delete(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .delete, headers: headers) { $0 }
    }
}

/// `DELETE /api/documents/{id}` and the paged families (issue 12).
@Suite struct IndexManagementAPITests {
    @Test func issue12_deleteRemovesTheDocumentAndSplitsItsFamily() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let removed = try await client.delete("/api/documents/harbor-bridge%2Fv1.txt")
            #expect(removed.status == .ok)
            let body = try removed.json()
            #expect(body["id"] as? String == "harbor-bridge/v1.txt" && body["versions"] as? Int == 1)
            #expect(body["families"] as? [String] == ["harbor-bridge/v2.txt"])
            #expect(try await client.get("/api/documents/harbor-bridge%2Fv1.txt").status == .notFound)
            let again = try await client.delete("/api/documents/harbor-bridge%2Fv1.txt")
            #expect(again.status == .notFound && again.errorMessage == "no document with id harbor-bridge/v1.txt")
            let match = try await client.post("/api/match", json: ["text": try Fixtures.example(version: 1)])
            let ids = (try match.json()["matches"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(!ids.isEmpty && !ids.contains("harbor-bridge/v1.txt"))
            #expect(try await client.delete("/api/documents/nul%00id").status == .badRequest)
        }
        #expect(try server.store.counts().documents == 4)
    }

    @Test func issue12_deleteNeedsTheTokenAsPostDoes() async throws {
        let server = try TestServer.seeded(configuration: ServerConfiguration(port: 0, token: "s3cret"))
        try await server.test { client in
            let anonymous = try await client.delete("/api/documents/harbor-bridge%2Fv1.txt")
            #expect(anonymous.status == .unauthorized && anonymous.headers[.wwwAuthenticate] == "Bearer")
            let wrong = try await client.delete("/api/documents/harbor-bridge%2Fv1.txt", headers: [.authorization: "Bearer nope"])
            #expect(wrong.status == .unauthorized)
            #expect(try server.store.counts().documents == 5)
            let right = try await client.delete("/api/documents/harbor-bridge%2Fv1.txt", headers: [.authorization: "Bearer s3cret"])
            #expect(right.status == .ok)
            // Reads stay open.
            #expect(try await client.get("/api/documents/harbor-bridge%2Fv2.txt").status == .ok)
        }
    }

    @Test func issue12_deleteOnAReadOnlyStoreIs403() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-ro-\(UUID().uuidString).db").path
        _ = try Store.open(path: path).add([Document(id: "a", text: Array("A story about the harbor bridge.".utf8))])
        let server = TestServer(store: try Store.open(path: path, readOnly: true))
        try await server.test { client in
            let response = try await client.delete("/api/documents/a")
            #expect(response.status == .forbidden && response.errorMessage?.contains("read-only") == true)
        }
        #expect(try Store.open(path: path, readOnly: true).counts().documents == 1)
    }

    @Test func issue12_otherMethodsOnADocumentAre405() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let put = try await client.execute(uri: "/api/documents/a", method: .put) { $0 }
            #expect(put.status == .methodNotAllowed && put.headers[.allow] == "GET, DELETE, HEAD")
        }
    }

    @Test func issue12_familiesArePagedWithTheirTotal() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let all = try await client.get("/api/families").json()
            #expect(all["total"] as? Int == 2 && all["limit"] as? Int == 100 && all["offset"] as? Int == 0)
            let second = try await client.get("/api/families?limit=1&offset=1").json()
            let families = try #require(second["families"] as? [[String: Any]])
            #expect(second["total"] as? Int == 2 && families.count == 1 && families[0]["size"] as? Int == 2)
            #expect(try await client.get("/api/families?limit=0").status == .badRequest)
            #expect(try await client.get("/api/families?limit=1001").status == .badRequest)
            #expect(try await client.get("/api/families?offset=-1").status == .badRequest)
        }
    }

    @Test func issue12_theFamiliesPageLinksToTheNextAndPreviousPages() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let filtered = try await client.get("/families?limit=1&source=Harbor%20Gazette").text
            #expect(filtered.contains("1 families of versions and copies") && !filtered.contains("<nav class=\"pages\">"))
            let whole = try await client.get("/families?limit=1").text
            #expect(whole.contains("families 1–1 of 2") && whole.contains("href=\"/families?limit=1&amp;offset=1\">next</a>"))
            #expect(!whole.contains(">previous</a>"))
            let last = try await client.get("/families?limit=1&offset=1").text
            #expect(last.contains("families 2–2 of 2") && last.contains("href=\"/families?limit=1&amp;offset=0\">previous</a>"))
            #expect(!last.contains(">next</a>"))
            let everything = try await client.get("/families").text
            #expect(!everything.contains("<nav class=\"pages\">"))
        }
    }
}
