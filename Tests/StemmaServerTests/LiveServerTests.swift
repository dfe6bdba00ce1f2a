import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import StemmaServer
import StemmaStore
import StemmaTestSupport
import Testing

/// End to end over a real socket on an ephemeral port.
@Suite struct LiveServerTests {
    @Test func indexMatchAndDiffOverHTTP() async throws {
        let server = try TestServer(configuration: ServerConfiguration(port: 0, token: "t0ken"))
        try await server.test(.live) { client in
            #expect(client.port.map { $0 > 0 } == true)
            let documents: [[String: Any]] = [
                ["id": "wt", "text": try Fixtures.oldSeed(), "date": "2022-03-02"],
                ["id": "copy", "text": try Fixtures.newSeed(), "date": "2022-03-03"],
            ]
            let added = try await client.post("/api/documents", json: documents, headers: [.authorization: "Bearer t0ken"])
            #expect(added.status == .created)

            let matched = try await client.post("/api/match", json: ["text": try Fixtures.newSeed()])
            let ids = (try matched.json()["matches"] as? [[String: Any]])?.map { $0["id"] as? String }
            #expect(ids == ["copy", "wt"])

            let diff = try await client.get("/api/diff?old=wt&new=copy&compact=true")
            #expect(diff.status == .ok && diff.text.hasPrefix("{\"schemaVersion\":1,"))
            let history = try await client.get("/api/families/copy/history")
            #expect((try history.json()["versions"] as? [[String: Any]])?.map { $0["id"] as? String } == ["wt", "copy"])
            let page = try await client.get("/diff?old=wt&new=copy")
            #expect(page.status == .ok && page.text.contains("<table class=\"diff\">"))
        }
    }
}
