/// Why the reader passed over a record without reporting it: the record was sound, but it is not
/// a document's payload.
///
/// The raw values are the keys of ``ArchiveReader/skipped``, worded for a summary line such as
/// `skipped 120 request records, 3 non-2xx responses`.
public enum ArchiveSkipReason: String, Sendable, CaseIterable {
    case warcinfo = "warcinfo records"
    case request = "request records"
    case metadata = "metadata records"
    case revisit = "revisit records"
    case continuation = "continuation records"
    /// A `WARC-Type` outside WARC 1.1's list, or none.
    case otherType = "records of other types"
    /// The `filedesc://` block that opens an ARC file.
    case arcVersionBlock = "arc version blocks"
    /// A response that is not HTTP: `dns:` lookups, `ftp:` fetches.
    case nonHTTP = "non-http responses"
    /// Redirects, errors and `304 Not Modified`, whose bodies are not the page.
    case non2xx = "non-2xx responses"
    /// A `Content-Encoding` the reader cannot decode, such as `br` or `zstd`.
    case unsupportedEncoding = "payloads in unsupported content encodings"
}

extension ArchiveSkipReason {
    /// The position in `allCases`.
    var ordinal: Int {
        switch self {
        case .warcinfo: 0
        case .request: 1
        case .metadata: 2
        case .revisit: 3
        case .continuation: 4
        case .otherType: 5
        case .arcVersionBlock: 6
        case .nonHTTP: 7
        case .non2xx: 8
        case .unsupportedEncoding: 9
        }
    }
}
