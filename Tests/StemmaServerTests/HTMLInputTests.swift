import Foundation
import HTTPTypes
import HummingbirdTesting
import StemmaServer
import StemmaTestSupport
import Testing

/// `html` in place of `text` in the API, and a page uploaded on the search page (issue 13).
@Suite struct HTMLInputTests {
    static let page = """
        <html><head><title>Bridge closes | Gazette</title><meta property="og:title" content="Bridge closes">
        <meta property="article:published_time" content="2024-05-01"><meta property="og:site_name" content="Gazette"></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
        <p>The council voted on Tuesday to close the harbor bridge for ten weeks of repairs, city officials said.</p>
        <p>Detours will send drivers north to the Route 9 bridge, adding about five miles to a typical crossing.</p>
        </article><footer>Copyright the Gazette</footer></body></html>
        """

    @Test func aPageIsIndexedAsItsArticleWithItsMetadata() async throws {
        let server = try TestServer()
        try await server.test { client in
            let added = try await client.post("/api/documents", json: ["id": "bridge", "html": Self.page])
            #expect(added.status == .created)
            let document = try await client.get("/api/documents/bridge").json()
            let text = try #require(document["text"] as? String)
            #expect(text.hasPrefix("The council voted on Tuesday"))
            #expect(!text.contains("Home") && !text.contains("Copyright"))
            #expect(document["title"] as? String == "Bridge closes")
            #expect(document["date"] as? String == "2024-05-01")
            #expect(document["source"] as? String == "Gazette")

            let match = try await client.post("/api/match", json: ["html": Self.page])
            #expect(match.status == .ok)
            let matches = try #require(try match.json()["matches"] as? [[String: Any]])
            #expect(matches.first?["id"] as? String == "bridge")
        }
    }

    @Test func textAndHTMLTogetherOrNeitherAre400() async throws {
        let server = try TestServer()
        try await server.test { client in
            let both = try await client.post("/api/documents", json: ["id": "x", "text": "A text.", "html": "<p>A page.</p>"])
            #expect(both.status == .badRequest)
            let neither = try await client.post("/api/match", json: ["limit": 3])
            #expect(neither.status == .badRequest)
        }
    }
}

extension HTMLInputTests {
    @Test func anUploadedPageIsSearchedForByItsArticle() async throws {
        let server = try TestServer.seeded()
        let article = try Fixtures.example(version: 2).replacingOccurrences(of: "\n\n", with: "</p>\n<p>")
        let page = "<!DOCTYPE html><html><head><title>Bridge</title></head><body><nav><a href=\"/\">Home</a></nav><article><p>\(article)</p></article></body></html>"
        let boundary = "stemma-html-upload"
        let body = MultipartForm.body([("file", "bridge.html", "text/html", page), ("limit", nil, nil, "5")], boundary: boundary)
        try await server.test { client in
            let response = try await client.post("/match", body: body, contentType: "multipart/form-data; boundary=\(boundary)")
            #expect(response.status == .ok)
            #expect(response.text.contains("value=\"1 harbor-bridge/v2.txt\""))
            #expect(!response.text.contains("&lt;nav&gt;"))
        }
    }
}
