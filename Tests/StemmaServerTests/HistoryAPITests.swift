import StemmaCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import StemmaServer
import StemmaStore
import StemmaTestSupport
import Testing

/// Issue 11, item 15: the history of a long family is read a window at a time, and stops when
/// nobody waits for it.
@Suite struct HistoryAPITests {
    static let copies = 300

    /// One family of `copies` undated copies of a story, each with a line of its own, in order.
    static func wireStory() throws -> TestServer {
        let server = try TestServer()
        let base = try Fixtures.example(version: 1)
        _ = try server.store.add((0..<copies).map { number in
            Document(id: copyID(number), text: Array((base + "\nCopy \(number) of the wire story, filed by desk \(number % 7).").utf8))
        })
        return server
    }

    static func copyID(_ number: Int) -> String { "copy-" + String(String(number + 1000).dropFirst()) }

    @Test func issue11_historyGivesTheNewestFiftyVersionsAndPagesOlderOnes() async throws {
        let server = try Self.wireStory()
        try await server.test { client in
            let response = try await client.get("/api/families/copy-000/history")
            #expect(response.status == .ok)
            let body = try response.json()
            #expect(body["total"] as? Int == Self.copies && body["start"] as? Int == Self.copies - 50)
            #expect(body["limit"] as? Int == 50 && body["offset"] as? Int == 0)
            let versions = try #require(body["versions"] as? [[String: Any]])
            #expect(versions.map { $0["id"] as? String } == (Self.copies - 50..<Self.copies).map(Self.copyID))
            // Versions and parents are numbered from 1 in the whole history, and parents come earlier.
            for (position, version) in zip((Self.copies - 50)..., versions) {
                let parent = try #require(version["parent"] as? Int)
                #expect(version["number"] as? Int == position + 1 && parent >= 1 && parent < position + 1)
            }

            let older = try await client.get("/api/families/copy-000/history?limit=100&offset=250")
            let olderBody = try older.json()
            #expect(olderBody["start"] as? Int == 0)
            #expect((olderBody["versions"] as? [[String: Any]])?.map { $0["id"] as? String } == (0..<50).map(Self.copyID))
            #expect((olderBody["versions"] as? [[String: Any]])?.first?["parent"] == nil)

            let past = try await client.get("/api/families/copy-000/history?offset=1000")
            #expect(past.status == .ok)
            #expect((try past.json()["versions"] as? [Any])?.isEmpty == true)
        }
    }

    /// Pages of 50 read newest first give, put back in order, the versions and parents of one
    /// page of 150.
    @Test func issue11_historyPagesAgree() async throws {
        let server = try Self.wireStory()
        try await server.test { client in
            func versions(_ query: String) async throws -> [String] {
                let response = try await client.get("/api/families/copy-123/history?\(query)")
                let versions = try #require(try response.json()["versions"] as? [[String: Any]])
                return versions.map { "\($0["id"] ?? "") \($0["parent"] ?? "-") \($0["editedBytes"] ?? "-")" }
            }
            let whole = try await versions("limit=150")
            var pages: [String] = []
            for offset in [100, 50, 0] { pages += try await versions("limit=50&offset=\(offset)") }
            #expect(whole.count == 150 && pages == whole)
        }
    }

    @Test(arguments: ["limit=0", "limit=501", "limit=-3", "limit=ten", "offset=-1", "offset=1.5", "limit=", "limit=5&limit=6"])
    func issue11_badHistoryWindowsAre400(query: String) async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.get("/api/families/\(TestServer.oldSeedID)/history?\(query)")
            #expect(response.status == .badRequest, "\(query)")
            #expect(response.errorMessage?.hasPrefix("query parameter") == true)
            let page = try await client.get("/history?id=\(TestServer.oldSeedID)&\(query)")
            #expect(page.status == .badRequest, "\(query)")
        }
    }

    @Test func issue11_historyPageLinksOlderVersions() async throws {
        let server = try Self.wireStory()
        try await server.test { client in
            let page = try await client.get("/history?id=copy-007&limit=20&offset=20")
            #expect(page.status == .ok)
            #expect(page.text.contains("versions 261–280 of 300"))
            #expect(page.text.contains("href=\"/history?id=copy-007&amp;limit=20&amp;offset=0\">newer</a>"))
            #expect(page.text.contains("href=\"/history?id=copy-007&amp;limit=20&amp;offset=40\">older</a>"))
            #expect(page.text.contains("<li class=\"version\" id=\"v20\">") && !page.text.contains("id=\"v21\""))
        }
    }

    /// The store polls its predicate between versions, and a true answer ends the work at once.
    @Test func issue11_historyStopsWhenCancelled() throws {
        let server = try Self.wireStory()
        var polls = 0
        #expect(throws: CancellationError.self) {
            try server.store.history(of: "copy-000", limit: 500, isCancelled: {
                polls += 1
                return polls > 5
            })
        }
        #expect(polls == 6)
    }

    /// A cancelled task running the history gets `CancellationError`, without finishing the work
    /// (no timing asserted: tests share a loaded machine; `issue11_historyStopsWhenCancelled`
    /// shows the work ends at the first poll after cancellation).
    @Test func issue11_cancelledTaskEndsTheHistory() async throws {
        let server = try Self.wireStory()
        let store = server.store
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            return try store.history(of: "copy-000", limit: 500)
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
