import Foundation
import GRDB
import StemmaCore

/// An HTTP response a watched version was read from, kept so that a better extractor can read
/// every version again and the responses can be exported as WARC.
public struct Capture: Sendable, Hashable {
    /// The URL the response came from, after redirects.
    public var url: String
    /// When it was fetched, in seconds since 1970 (UTC).
    public var fetched: Double
    public var status: Int
    /// The response's headers, in order, as received.
    public var headers: [Header]
    /// The body as received, after any content encoding was decoded.
    public var body: [UInt8]
    /// The version differs from the one before only in whitespace or in the page's own timestamp
    /// line: kept, but not announced.
    public var minor: Bool

    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(url: String, fetched: Double, status: Int, headers: [Header], body: [UInt8], minor: Bool = false) {
        self.url = url
        self.fetched = fetched
        self.status = status
        self.headers = headers
        self.body = body
        self.minor = minor
    }

    /// `capture.headers`: one `Name: value` line per header, each ended by CRLF, as in HTTP.
    var headerText: String {
        headers.map { "\($0.name): \($0.value)\r\n" }.joined()
    }

    static func headers(fromText text: String) -> [Header] {
        text.split(separator: "\r\n", omittingEmptySubsequences: true).compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            return Header(name: String(line[..<colon]), value: String(value))
        }
    }
}

extension [Capture.Header] {
    /// The value of the first header of that name (case-insensitive), as HTTP reads a field that
    /// should appear once.
    public func first(named name: String) -> String? {
        first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

extension Capture {
    /// Writes the capture of the version at row `version`, its body compressed as texts are.
    func insert(version: Int64, in db: Database) throws {
        let (codec, data) = body.withUnsafeBufferPointer(TextBlock.compressed)
        try db.execute(sql: """
            INSERT INTO capture (version, url, fetched, status, headers, codec, bytes, body, minor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [version, url, fetched, status, headerText, codec.rawValue, body.count, Data(data), minor])
    }
}
