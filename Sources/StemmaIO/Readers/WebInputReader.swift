public import StemmaCore

/// Reads web pages and web archives into documents, for ``CorpusReader``.
///
/// StemmaIO knows which inputs are pages (`.html`, `.htm`, `.xhtml`, an `--html-field`) and
/// archives (`.warc`, `.arc`, gzip-compressed or not); what a page or record becomes is StemmaWeb's
/// `WebReader`, which the commands set in ``CorpusOptions/web``. Without one, such files are files
/// no reader takes.
public protocol WebInputReader: Sendable {
    /// The document of one HTML page.
    ///
    /// - Parameters:
    ///   - html: the page's bytes, in any charset.
    ///   - id: the document's id (the file's, or the record's).
    ///   - url: where the page came from, when known.
    /// - Throws: a ``ReadError`` (whose `file` the caller sets) when the page is skipped: too large,
    ///   binary, or over the work budget.
    func document(fromHTML html: [UInt8], id: String, url: String?) throws -> Document

    /// The documents of several pages, in order, extracted on ``CorpusOptions/threads`` cores.
    func documents(fromHTML pages: [WebPageInput], threads: Int) -> [Result<Document, ReadError>]

    /// Reads every page and text record of the archive at `path`, in file order.
    ///
    /// A damaged record is reported (file and byte offset) and skipped, and reading goes on.
    ///
    /// - Throws: ``ReadError`` when the archive cannot be opened, or what `report` or `body` throw.
    func readArchive(at path: String, options: CorpusOptions, report: (CorpusIssue) throws -> Void,
                     _ body: (CorpusRecord) throws -> Void) throws
}

/// One page handed to ``WebInputReader/documents(fromHTML:threads:)``.
public struct WebPageInput: Sendable {
    public var html: [UInt8]
    public var id: String
    public var url: String?
    public var contentType: String?

    public init(html: [UInt8], id: String, url: String? = nil, contentType: String? = nil) {
        self.html = html
        self.id = id
        self.url = url
        self.contentType = contentType
    }
}

extension CorpusReader {
    /// Whether `path` names an HTML page by its extension (before any `.gz`).
    public static func isHTML(_ path: String) -> Bool { format(of: path) == .html }
}
