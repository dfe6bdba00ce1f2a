/// The kind of archive record that carries a document.
public enum ArchiveRecordType: String, Sendable, Equatable {
    /// A WARC `response` record, or any ARC record: an HTTP response as the crawler received it.
    case response
    /// A WARC `resource` record: a document stored without an HTTP envelope.
    case resource
    /// A WARC `conversion` record: a document transformed from another record (say, PDF to text).
    case conversion
}

/// One record's payload that a reader of documents wants: a response, resource or conversion
/// record, with its envelope taken off.
public struct ArchiveRecord: Sendable {
    public var type: ArchiveRecordType
    /// `WARC-Target-URI` with any angle brackets stripped (wget writes `<http://...>`), or the
    /// ARC record's URL.
    public var targetURI: String?
    /// `WARC-Date` as given, or the ARC date converted to ISO 8601 (`2014-01-03T03:03:21Z`).
    public var date: String?
    /// `WARC-Record-ID` as given (`<urn:uuid:...>`); ARC records have none.
    public var recordID: String?
    /// The status from the HTTP status line, for response records.
    public var httpStatus: Int?
    /// The payload's media type as declared, parameters included (`text/html; charset=UTF-8`):
    /// the HTTP `Content-Type` of a response, the WARC `Content-Type` of a resource or conversion.
    public var contentType: String?
    /// The entity body, with the HTTP headers removed and any chunked transfer coding and gzip or
    /// deflate content coding decoded.
    public var payload: [UInt8]
    /// Where the record starts in the file; for a gzip file, the compressed offset of the gzip
    /// member holding the record's first byte (the place to seek to for reading it again).
    public var offset: Int

    public init(type: ArchiveRecordType, targetURI: String?, date: String?, recordID: String?, httpStatus: Int?,
                contentType: String?, payload: [UInt8], offset: Int) {
        self.type = type
        self.targetURI = targetURI
        self.date = date
        self.recordID = recordID
        self.httpStatus = httpStatus
        self.contentType = contentType
        self.payload = payload
        self.offset = offset
    }
}
