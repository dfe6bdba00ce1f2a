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
    @Test func addMatchDiffAndHistoryAnswerOverARealSocket() async throws {
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
            #expect(diff.status == .ok && diff.text.hasPrefix("{\"schemaVersion\":2,"))
            let page = try await client.get("/diff?old=wt&new=copy")
            #expect(page.status == .ok && page.text.contains("<table class=\"diff\">"))
            // Last: a history answers with Connection: close (it watches for the client leaving).
            let history = try await client.get("/api/families/copy/history")
            #expect(history.headers[.connection] == "close")
            #expect((try history.json()["versions"] as? [[String: Any]])?.map { $0["id"] as? String } == ["wt", "copy"])
        }
    }

    /// Matching keeps answering while documents are added: SQLite in WAL mode lets readers run
    /// beside the writer, and one Store serves every request. Each request has a connection of
    /// its own, so they really run at once.
    @Test func matchesKeepAnsweringWhileDocumentsAreAdded() async throws {
        let server = try TestServer.seeded(onDisk: true)
        let query = try Fixtures.newSeed()
        try await server.test(.live) { client in
            let port = try #require(client.port)
            try await withThrowingTaskGroup(of: (String, Int).self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await onOwnThread {
                            if index % 4 == 0 {
                                let text = "Version \(index) of a wire story about the harbor bridge closing for repairs next week."
                                return ("add", try RawHTTP.post(port: port, path: "/api/documents", json: ["id": "wire-\(index)", "text": text]).status)
                            }
                            let (status, body) = try RawHTTP.post(port: port, path: "/api/match", json: ["text": query])
                            let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
                            return ("match", status == 200 ? (object?["matches"] as? [Any])?.count ?? -1 : -status)
                        }
                    }
                }
                for try await (kind, value) in group {
                    if kind == "add" { #expect(value == 201) } else { #expect(value == 2) }
                }
            }
            #expect(try server.store.counts().documents == 15)
        }
    }

    @Test func idleConnectionsAreClosed() async throws {
        let server = try TestServer(configuration: ServerConfiguration(port: 0, idleTimeout: 1))
        try await server.test(.live) { client in
            let port = try #require(client.port)
            // Sends nothing: the exchange ends only when the server closes the connection (it
            // fails after 30 s otherwise; timings are not asserted, a loaded CI machine is slow).
            let answer = try await onOwnThread { try RawHTTP.exchange(port: port, "") }
            #expect(answer.isEmpty)
        }
    }
}
