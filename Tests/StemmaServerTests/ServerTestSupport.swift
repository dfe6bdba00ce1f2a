import StemmaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import StemmaServer
import StemmaStore
import StemmaTestSupport

/// An in-memory store, the application over it, and helpers to call it.
struct TestServer {
    static let oldSeedID = "washington-times-2022-03-02.txt"
    static let newSeedID = "republished-copy.txt"

    let store: Store
    let configuration: ServerConfiguration

    /// An empty store in memory, or in a new file (SQLite in WAL mode, as `stemma serve` opens it).
    init(configuration: ServerConfiguration = ServerConfiguration(port: 0), onDisk: Bool = false) throws {
        if onDisk {
            let path = ScratchDirectory.root.appendingPathComponent("stemma-server-\(UUID().uuidString).db").path
            store = try Store.open(path: path)
        } else {
            store = try Store.empty()
        }
        self.configuration = configuration
    }

    /// A server over `store`, as it was opened.
    init(store: Store, configuration: ServerConfiguration = ServerConfiguration(port: 0)) {
        self.store = store
        self.configuration = configuration
    }

    /// A store holding the two seed texts (one family) and the three harbor-bridge versions.
    static func seeded(configuration: ServerConfiguration = ServerConfiguration(port: 0), onDisk: Bool = false) throws -> TestServer {
        let server = try TestServer(configuration: configuration, onDisk: onDisk)
        var documents = [
            Document(id: oldSeedID, text: Array(try Fixtures.oldSeed().utf8), title: "Russia, Ukraine agree to second round of talks",
                          date: "2022-03-02", source: "Washington Times"),
            Document(id: newSeedID, text: Array(try Fixtures.newSeed().utf8), date: "2022-03-03", source: "republisher"),
        ]
        for version in 1...3 {
            documents.append(Document(id: "harbor-bridge/v\(version).txt", text: Array(try Fixtures.example(version: version).utf8),
                                           date: "2024-05-0\(version)", source: "Harbor Gazette"))
        }
        _ = try server.store.add(documents)
        return server
    }

    func application() throws -> some ApplicationProtocol {
        var logger = Logger(label: "stemma.serve.test")
        logger.logLevel = .warning
        return try buildApplication(store: store, configuration: configuration, logger: logger)
    }

    /// Runs `body` with a router-level client (no sockets).
    func test<Value: Sendable>(_ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await application().test(setup, body)
    }
}

extension TestClientProtocol {
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers) { $0 }
    }

    func post(_ uri: String, json: Any, headers: HTTPFields = [:]) async throws -> TestResponse {
        let data = try JSONSerialization.data(withJSONObject: json)
        return try await post(uri, body: String(decoding: data, as: UTF8.self), headers: headers)
    }

    func post(_ uri: String, body: String, contentType: String = "application/json", headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = contentType
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
    }

    /// A form as a browser posts it by default.
    func postForm(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let body = fields.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        return try await post(uri, body: body, contentType: "application/x-www-form-urlencoded")
    }

    private func formEncode(_ value: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*")
        return (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(of: "%20", with: "+")
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] else {
            throw TestFailure("body is not a JSON object: \(text)")
        }
        return object
    }

    /// The message of a JSON error body: `{"error": {"message": …}}`.
    var errorMessage: String? {
        ((try? json())?["error"] as? [String: Any])?["message"] as? String
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Percent-encoding of an id for a URL path segment.
func pathEncoded(_ id: String) -> String {
    id.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? id
}

enum MultipartForm {
    /// A multipart form as a browser sends it: fields given as (name, filename, content type,
    /// value), a nil filename for a plain field.
    static func body(_ fields: [(name: String, filename: String?, type: String?, value: String)], boundary: String) -> String {
        var body = ""
        for field in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\""
            if let filename = field.filename { body += "; filename=\"\(filename)\"" }
            body += "\r\n"
            if let type = field.type { body += "Content-Type: \(type)\r\n" }
            body += "\r\n\(field.value)\r\n"
        }
        return body + "--\(boundary)--\r\n"
    }
}
