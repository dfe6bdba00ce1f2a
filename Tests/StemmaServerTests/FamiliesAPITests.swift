import Foundation
import HTTPTypes
import HummingbirdTesting
import StemmaServer
import StemmaStore
import StemmaTestSupport
import Testing

@Suite struct FamiliesAPITests {
    @Test func familiesLargestFirstWithFilters() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let all = try await client.get("/api/families")
            #expect(all.status == .ok)
            let families = try #require(try all.json()["families"] as? [[String: Any]])
            #expect(families.map { $0["size"] as? Int } == [3, 2])
            #expect(families[0]["members"] as? [String] == ["harbor-bridge/v1.txt", "harbor-bridge/v2.txt", "harbor-bridge/v3.txt"])
            #expect(families[1]["members"] as? [String] == [TestServer.oldSeedID, TestServer.newSeedID])
            #expect(families[1]["earliest"] as? String == "2022-03-02" && families[1]["latest"] as? String == "2022-03-03")

            let since = try await client.get("/api/families?since=2024-01-01")
            #expect((try since.json()["families"] as? [[String: Any]])?.map { $0["size"] as? Int } == [3])
            let source = try await client.get("/api/families?source=Washington%20Times")
            #expect((try source.json()["families"] as? [[String: Any]])?.map { $0["size"] as? Int } == [2])
        }
    }

    @Test(arguments: [
        ("since=notadate", "since: 'notadate' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("until=0", "until: '0' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("until=-1", "until: '-1' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("since=2022-13", "since: '2022-13' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ])
    func issue11_badDatesAre400(query: String, message: String) async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.get("/api/families?\(query)")
            #expect(response.status == .badRequest && response.errorMessage == message)
            let page = try await client.get("/families?\(query)")
            #expect(page.status == .badRequest && page.text.contains("is not an ISO date"))
        }
    }

    /// An empty value is what a form sends for a date left blank: no bound, as if absent.
    @Test func issue11_emptyDateIsNoBound() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.get("/api/families?since=&until=")
            #expect(response.status == .ok)
            #expect((try response.json()["families"] as? [[String: Any]])?.count == 2)
            let page = try await client.get("/families?since=")
            #expect(page.status == .ok && page.text.contains("harbor-bridge/v1.txt"))
        }
    }

    /// Schemathesis: a parameter given twice is refused, not read as one of its values.
    @Test func repeatedParametersAre400() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.get("/api/families?since=2022&since=2024")
            #expect(response.status == .badRequest && response.errorMessage == "query parameter since is given 2 times; give it once")
            let version = try await client.get("/api/documents/\(TestServer.newSeedID)?version=")
            #expect(version.status == .badRequest)
        }
    }

    /// A start after the end is a range with nothing in it, not a mistake.
    @Test func issue11_backwardsRangeIsEmpty() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.get("/api/families?since=2022-04-01&until=2022-03-01")
            #expect(response.status == .ok)
            #expect((try response.json()["families"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func familyHistoryListsVersionsOldestFirstWithParentsAndChanges() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.get("/api/families/\(pathEncoded("harbor-bridge/v3.txt"))/history")
            #expect(response.status == .ok)
            let body = try response.json()
            #expect(body["id"] as? String == "harbor-bridge/v3.txt" && body["family"] as? String == "harbor-bridge/v1.txt")
            let versions = try #require(body["versions"] as? [[String: Any]])
            #expect(versions.map { $0["id"] as? String } == ["harbor-bridge/v1.txt", "harbor-bridge/v2.txt", "harbor-bridge/v3.txt"])
            #expect(versions[0]["parent"] == nil && versions[1]["parent"] as? Int == 1)  // numbered from 1, as the text output
            #expect((versions[1]["changes"] as? [String: Int])?.isEmpty == false)
            #expect(versions[1]["editedBytes"] as? Int ?? 0 > 0)
        }
    }

    @Test func historyOfAnUnknownIdIs404() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.get("/api/families/nope/history")
            #expect(response.status == .notFound && response.errorMessage == "no document with id nope")
        }
    }

    @Test func healthCountsTheIndex() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.get("/health")
            #expect(response.status == .ok)
            let body = try response.json()
            #expect(body["status"] as? String == "ok" && body["documents"] as? Int == 5 && body["versions"] as? Int == 5)
        }
    }
}
