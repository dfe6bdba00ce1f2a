/// Writes WARC 1.1 records: a `warcinfo` record that opens the file, then one `response`
/// record per HTTP response, each its own gzip member when the file is compressed.
///
/// Each record is returned as bytes for the caller to write, so that a file of any size is
/// written a record at a time. Record ids are UUIDs derived from a name the caller gives (a
/// document id and version, say), so that exporting the same responses again gives the same
/// records, and a reader can tell a record it has seen.
///
/// ```swift
/// let writer = WARCWriter(filename: "news.warc.gz", date: now, software: "Stemma 0.1.0", gzip: true)
/// var bytes = writer.warcinfo()
/// bytes += writer.response(WARCWriter.Response(name: "a/2", targetURI: "https://example.com/a", date: fetched,
///                                              status: 200, headers: [], body: Array(html.utf8)))
/// ```
///
/// The layout follows the WARC 1.1 specification (ISO 28500:2017): `WARC/1.1`, the named fields,
/// each `Name: value` and CRLF, an empty line, the block of `Content-Length` bytes, and two
/// CRLFs. Digests are `sha1:` and 32 base32 digits, as Heritrix and warcio write them.
public struct WARCWriter: Sendable {
    /// One HTTP response to archive.
    public struct Response: Sendable, Hashable {
        /// Names the record: the same name always gives the same `WARC-Record-ID`.
        public var name: String
        public var targetURI: String
        /// When it was fetched, in seconds since 1970 (UTC); written to the second.
        public var date: Double
        public var status: Int
        /// The headers as received, in order; `Content-Encoding`, `Transfer-Encoding` and
        /// `Content-Length` are replaced, since the body is written decoded.
        public var headers: [Header]
        /// The body, decoded.
        public var body: [UInt8]

        public init(name: String, targetURI: String, date: Double, status: Int, headers: [Header], body: [UInt8]) {
            self.name = name
            self.targetURI = targetURI
            self.date = date
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public let filename: String
    /// When the file was written, in seconds since 1970: the `warcinfo` record's date.
    public let date: Double
    /// `software:` of the `warcinfo` record, such as `Stemma 0.1.0`.
    public let software: String
    /// Each record a gzip member of its own, as `.warc.gz` readers expect.
    public let gzip: Bool
    /// The `warcinfo` record's id, which every response names as its `WARC-Warcinfo-ID`.
    public let warcinfoID: String

    public init(filename: String, date: Double, software: String, gzip: Bool) {
        self.filename = filename
        self.date = date
        self.software = software
        self.gzip = gzip
        warcinfoID = Self.recordID(name: "warcinfo \(filename) \(Self.timestamp(date))")
    }

    /// The `warcinfo` record that opens the file.
    public func warcinfo() -> [UInt8] {
        let block = Array("""
            software: \(Self.fieldValue(software))\r
            format: WARC File Format 1.1\r
            conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r

            """.utf8)
        return record([
            ("WARC-Type", "warcinfo"), ("WARC-Record-ID", warcinfoID), ("WARC-Date", Self.timestamp(date)),
            ("WARC-Filename", Self.fieldValue(filename)), ("Content-Type", "application/warc-fields"),
        ], block: block)
    }

    /// The `response` record of `response`: the status line, its headers and its body.
    public func response(_ response: Response) -> [UInt8] {
        let dropped: Set<String> = ["content-encoding", "transfer-encoding", "content-length"]
        var head = "HTTP/1.1 \(response.status) \(Self.reasonPhrase(response.status))\r\n"
        for header in response.headers where !dropped.contains(header.name.lowercased()) {
            let name = Self.token(header.name)
            guard !name.isEmpty else { continue }
            head += "\(name): \(Self.fieldValue(header.value))\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\n\r\n"
        let block = Array(head.utf8) + response.body
        return record([
            ("WARC-Type", "response"), ("WARC-Record-ID", Self.recordID(name: response.name)),
            ("WARC-Warcinfo-ID", warcinfoID), ("WARC-Date", Self.timestamp(response.date)),
            ("WARC-Target-URI", Self.uri(response.targetURI)), ("Content-Type", "application/http;msgtype=response"),
            ("WARC-Payload-Digest", Self.sha1Digest(response.body)), ("WARC-Block-Digest", Self.sha1Digest(block)),
        ], block: block)
    }

    /// The header, the block and the two CRLFs that end a record, as one gzip member when asked.
    func record(_ fields: [(String, String)], block: [UInt8]) -> [UInt8] {
        var head = "WARC/1.1\r\n"
        for (name, value) in fields { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(block.count)\r\n\r\n"
        let bytes = Array(head.utf8) + block + Array("\r\n\r\n".utf8)
        return gzip ? GzipMember.compressed(bytes) : bytes
    }
}
