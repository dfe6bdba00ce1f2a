public import StemmaCore
public import StemmaIO
import Foundation

/// Pages and archives as documents: what `dedup`, `reuse`, `index add`, `match` and `extract`
/// read from the web (see ``WebInputReader``).
///
/// A page becomes a document whose text is its article (or its visible text, or its bytes, by
/// ``mode``), whose `title`, `date` (the publication date), `url` and `source` (the site's name,
/// else the URL's host) come from the page, and whose extra members are `byline`, `modified`,
/// `language`, `siteName` and `encoding` where the page gives them.
public struct WebReader: WebInputReader {
    public var mode: ExtractionMode
    /// Larger pages are reported and skipped: real articles stay far below it, and a page of
    /// hundreds of megabytes is a dump or an attack.
    public var maximumPageBytes: Int
    /// The most elements a page may have: the work budget of one page.
    public var maximumElements: Int

    public static let defaultMaximumPageBytes = 32 << 20
    public static let defaultMaximumElements = 2_000_000

    public init(mode: ExtractionMode = .article, maximumPageBytes: Int = WebReader.defaultMaximumPageBytes,
                maximumElements: Int = WebReader.defaultMaximumElements) {
        self.mode = mode
        self.maximumPageBytes = maximumPageBytes
        self.maximumElements = maximumElements
        // libxml2 set up on the thread that makes the reader, before its workers parse.
        _ = HTMLParser.initialized
    }

    public func document(fromHTML html: [UInt8], id: String, url: String?) throws -> Document {
        try document(fromHTML: html, id: id, url: url, contentType: nil)
    }

    public func documents(fromHTML pages: [WebPageInput], threads: Int) -> [Result<Document, ReadError>] {
        // Each worker takes the next page as it finishes: pages differ in size by 1,000 times.
        ParallelMap.dynamicMap(count: pages.count, threads: threads == 0 ? ProcessInfoCores.count : threads) { index in
            let page = pages[index]
            return Result { () throws(ReadError) -> Document in
                do { return try document(fromHTML: page.html, id: page.id, url: page.url, contentType: page.contentType) } catch let error as ReadError {
                    throw error
                } catch {
                    throw ReadError(file: page.id, reason: .malformed("\(error)"))
                }
            }
        }
    }

    /// The document of a page, `contentType` being the HTTP header it was served with.
    public func document(fromHTML html: [UInt8], id: String, url: String?, contentType: String?) throws -> Document {
        guard html.count <= maximumPageBytes else {
            throw ReadError(file: id, reason: .malformed("HTML page of \(html.count) bytes, over the limit of \(maximumPageBytes) bytes for one page"))
        }
        if let offset = Self.binaryOffset(html) {
            throw ReadError(file: id, offset: offset, reason: .binary)
        }
        let page = try WebPage.read(html: html, contentType: contentType, url: url, mode: mode, maximumElements: maximumElements)
        return Self.document(page, id: id, url: url)
    }

    static func document(_ page: WebPage, id: String, url: String?) -> Document {
        var extra: [Document.Member] = []
        func add(_ key: String, _ value: String?) {
            guard let value else { return }
            extra.append(Document.Member(key: key, json: JSONValue.string(value).utf8(pretty: false)))
        }
        add("byline", page.byline)
        add("modified", page.modified)
        add("language", page.language)
        add("siteName", page.siteName)
        add("encoding", page.encoding)
        if !page.captions.isEmpty {
            extra.append(Document.Member(key: "captions", json: JSONValue.strings(page.captions).utf8(pretty: false)))
        }
        let pageURL = page.url ?? url
        return Document(id: id, text: page.text, title: page.title, date: page.published, url: pageURL,
                        source: page.siteName ?? pageURL.flatMap(Self.host(of:)), extra: extra)
    }

    /// The host of an absolute URL, without `www.`.
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.split(separator: ":").first.map(String.init) ?? "" } ?? ""
        let lower = host.lowercased()
        guard !lower.isEmpty else { return nil }
        return lower.hasPrefix("www.") ? String(lower.dropFirst(4)) : lower
    }

    /// Where a NUL byte shows bytes that are no page: a NUL in the first 1,024 bytes of a page
    /// that is not UTF-16 (whose ASCII is half NULs).
    static func binaryOffset(_ bytes: [UInt8]) -> Int? {
        let head = bytes.prefix(1_024)
        guard let nul = head.firstIndex(of: 0) else { return nil }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return nil }
        // UTF-16 without a byte order mark: `<` then NUL, or NUL then `<`.
        if head.count >= 2, (head[0] == 0x3C && head[1] == 0) || (head[0] == 0 && head[1] == 0x3C) { return nil }
        return nul
    }
}
