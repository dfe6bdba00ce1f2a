import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import StemmaIO
import StemmaServer
import StemmaStore
import Testing

@Suite struct LimitsTests {
    @Test func bodiesOverTheLimitAre413() async throws {
        let server = try TestServer(configuration: ServerConfiguration(port: 0, maxBodyBytes: 1_000))
        try await server.test { client in
            let text = String(repeating: "Words of a long story. ", count: 100)
            for uri in ["/api/documents", "/api/match", "/api/diff", "/match"] {
                let response = try await client.post(uri, json: ["id": "a", "text": text, "old": text, "new": text])
                #expect(response.status == .contentTooLarge, "\(uri)")
                #expect(response.text.contains("over the limit of 1000 bytes"), "\(uri)")
            }
            #expect(try server.store.counts().documents == 0)
            let small = try await client.post("/api/match", json: ["text": "A short text."])
            #expect(small.status == .ok)
        }
    }

    /// Without Content-Length (chunked), the limit holds while the body is collected.
    @Test func chunkedBodiesOverTheLimitAre413() async throws {
        let server = try TestServer(configuration: ServerConfiguration(port: 0, maxBodyBytes: 1_000))
        try await server.test(.live) { client in
            let port = try #require(client.port)
            let chunk = "{\"id\": \"a\", \"text\": \"" + String(repeating: "Words of a long story. ", count: 100) + "\"}"
            let request = "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n0\r\n\r\n"
            let answer = try await onOwnThread { try RawHTTP.exchange(port: port, request) }
            #expect(answer.hasPrefix("HTTP/1.1 413"))
            #expect(answer.contains("request body is over the limit of 1000 bytes"))
            #expect(try server.store.counts().documents == 0)
        }
    }

    /// Paths sent byte for byte, without a client library normalizing them first.
    @Test func rawTraversalPathsAre404() async throws {
        let server = try TestServer()
        try await server.test(.live) { client in
            let port = try #require(client.port)
            for path in ["/../../etc/passwd", "/assets/../../../etc/passwd", "/assets/..%2F..%2Fetc%2Fpasswd", "/assets/..\\..\\etc\\passwd"] {
                let answer = try await onOwnThread {
                    try RawHTTP.exchange(port: port, "GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                }
                #expect(answer.hasPrefix("HTTP/1.1 404"), "\(path): \(answer.prefix(80))")
                #expect(!answer.contains("root:"))
            }
        }
    }

    @Test(arguments: ["10MB", "10 mb", "512KiB", "2048", "1GB", "3MiB"])
    func sizesParse(text: String) {
        let expected = ["10MB": 10_000_000, "10 mb": 10_000_000, "512KiB": 524_288, "2048": 2_048, "1GB": 1_000_000_000, "3MiB": 3_145_728]
        #expect(ByteCount.parse(text) == expected[text])
    }

    @Test(arguments: ["", "ten", "10XB", "-5MB", "99999999999999999999GB"])
    func badSizesDoNot(text: String) {
        #expect(ByteCount.parse(text) == nil)
    }
}

@Suite struct PathTraversalTests {
    @Test(arguments: [
        "/../../etc/passwd", "/assets/../../etc/passwd", "/assets/..%2F..%2Fetc%2Fpasswd", "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/assets/..%252F..%252Fetc%252Fpasswd", "/etc/passwd", "/assets/", "/assets/stemma.css/../../../etc/passwd",
        "/assets/....//....//etc/passwd", "/Package.swift", "/assets/%2FPackage.swift", "//etc/passwd",
    ])
    func noFileOutsideTheEmbeddedAssets(uri: String) async throws {
        let server = try TestServer()
        try await server.test { client in
            let response = try await client.get(uri)
            #expect(response.status == .notFound, "\(uri)")
            #expect(!response.text.contains("root:"))
            #expect(!response.text.contains("swift-tools-version"))
        }
    }

    @Test func embeddedAssetsAreServed() async throws {
        let server = try TestServer()
        try await server.test { client in
            for name in ["stemma.css", "diff.css", "history.css"] {
                let response = try await client.get("/assets/\(name)")
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(!response.text.isEmpty && !response.text.contains("url("))
            }
        }
    }

    @Test func unknownRoutesAre404() async throws {
        let server = try TestServer()
        try await server.test { client in
            let response1 = try await client.get("/api/nothing")
            #expect(response1.status == .notFound)
        }
    }

    /// Schemathesis (Benchmarks/schemathesis.sh): a wrong method on a known path is 405 with Allow.
    @Test(arguments: [
        ("/api/documents/a", HTTPRequest.Method.put, "GET, DELETE, HEAD"), ("/api/documents", .get, "POST"),
        ("/api/match", .put, "POST"), ("/api/diff", .patch, "GET, POST, HEAD"), ("/api/families", .post, "GET, HEAD"),
        ("/api/families/a/history", .options, "GET, HEAD"), ("/health", .trace, "GET, HEAD"), ("/families", .post, "GET, HEAD"),
        ("/match", .get, "POST"), ("/assets/stemma.css", .delete, "GET, HEAD"),
    ])
    func unknownMethodsAre405(uri: String, method: HTTPRequest.Method, allow: String) async throws {
        let server = try TestServer()
        try await server.test { client in
            let response = try await client.execute(uri: uri, method: method) { $0 }
            #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
            #expect(response.headers[.allow] == allow, "\(method) \(uri)")
        }
    }

    @Test func headIsAnsweredWhereGetIs() async throws {
        let server = try TestServer.seeded()
        try await server.test { client in
            let response = try await client.execute(uri: "/health", method: .head) { $0 }
            #expect(response.status == .ok && response.body.readableBytes == 0)
        }
    }
}
