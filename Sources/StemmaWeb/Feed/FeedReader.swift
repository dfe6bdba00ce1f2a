import CLibXML2

/// Reads RSS, Atom, RDF, CDF feeds and sitemaps into a ``Feed``.
///
/// Parsing is libxml2's, in recover mode, so an ill-formed feed is read as far as its
/// elements can be recovered. No entity is expanded beyond XML's five and character
/// references (no `XML_PARSE_NOENT`: no billion-laughs expansion), no DTD or anything else
/// is loaded from the network, and libxml2's default limits on depth and text size hold
/// (no `XML_PARSE_HUGE`). Elements are matched by local name and, where versions differ,
/// by namespace URI.
///
/// ```swift
/// let feed = try FeedReader.read(body, url: "https://example.com/feed", charset: "utf-8")
/// feed.kind                 // .rss
/// feed.entries.first?.url   // "https://example.com/2024/01/a-story"
/// ```
///
/// Encoding: a byte order mark, else `charset` (from HTTP), else the XML declaration,
/// else UTF-8 (see ``FeedCharset``). Entries without an http(s) URL are dropped, and so are
/// later entries repeating an earlier one's URL.
public enum FeedReader {
    /// The largest document read: news sitemaps are capped at 50 MB by Google, but feeds and
    /// the 50,000-URL sitemaps people serve stay far below this.
    public static let maximumSize = 20 << 20

    static let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOERROR.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

    /// Reads a feed or sitemap.
    ///
    /// - Parameters:
    ///   - bytes: The document as received (after any Content-Encoding was undone).
    ///   - url: Where it came from, to resolve relative links; nil keeps them as written
    ///     (and entries whose links stay relative are dropped).
    ///   - charset: The `charset` of the HTTP `Content-Type`, if any.
    /// - Throws: ``FeedError`` when the document is empty, too large, holds no element, or
    ///   its root element is no feed format.
    public static func read(_ bytes: [UInt8], url: String?, charset: String? = nil) throws(FeedError) -> Feed {
        var feed = try read(bytes, url: url, charset: charset, keepingEntriesWithoutURL: true)
        feed.entries = distinct(feed.entries)
        return feed
    }

    /// The feed with every entry, those without a web URL too (their `url` empty), as
    /// feedparser lists them: its test files' expectations are about the first entry.
    static func read(_ bytes: [UInt8], url: String?, charset: String?, keepingEntriesWithoutURL: Bool) throws(FeedError) -> Feed {
        guard bytes.count <= maximumSize else { throw FeedError(.tooLarge(bytes: bytes.count)) }
        let text = FeedEntityRepair.repaired(FeedCharset.decode(bytes, charset: charset).bytes)
        guard text.contains(where: { !isASCIIWhitespace($0) }) else { throw FeedError(.empty) }
        _ = HTMLParser.initialized
        guard let context = xmlNewParserCtxt() else { throw FeedError(.notXML("libxml2 could not make a parser")) }
        defer { xmlFreeParserCtxt(context) }
        let document = text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), url, "UTF-8", options)
            }
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            if let document { xmlFreeDoc(document) }
            throw lastError(of: context)
        }
        defer { xmlFreeDoc(document) }
        return try read(root: FeedNode(pointer: root))
    }

    private static func read(root: FeedNode) throws(FeedError) -> Feed {
        switch root.localName {
        case "rss": return rss(root)
        case "channel": return rss(root, channel: root)
        case "RDF": return rdf(root)
        case "feed": return atom(root)
        case "CHANNEL": return cdf(root)
        case "urlset": return sitemap(root)
        case "sitemapindex": return sitemapIndex(root)
        default: throw FeedError(.notAFeed(root: root.localName))
        }
    }

    private static func lastError(of context: xmlParserCtxtPtr) -> FeedError {
        let error = context.pointee.lastError
        let message = error.message.map { FeedText.plain(String(cString: $0)) ?? "" } ?? ""
        return FeedError(.notXML(message.isEmpty ? "no element found" : message), line: error.line > 0 ? Int(error.line) : nil)
    }

    /// Entries with a web URL, the first of each URL kept.
    static func distinct(_ entries: [FeedEntry]) -> [FeedEntry] {
        var seen: Set<String> = []
        return entries.filter { !$0.url.isEmpty && seen.insert($0.url).inserted }
    }

    /// The first candidate link that resolves to an http(s) URL.
    static func webURL(_ candidates: [(node: FeedNode, reference: String)]) -> String? {
        for (node, reference) in candidates {
            let trimmed = FeedURL.trimmed(reference)
            guard !trimmed.isEmpty else { continue }
            let url = node.resolve(trimmed)
            if FeedURL.isWeb(url) { return url }
        }
        return nil
    }

    /// Element text trimmed, nil when empty.
    static func value(_ node: FeedNode?) -> String? {
        node.flatMap { FeedURL.trimmed($0.text).isEmpty ? nil : FeedURL.trimmed($0.text) }
    }

    static func date(_ nodes: FeedNode?...) -> String? {
        for node in nodes {
            if let text = value(node), let date = FeedDate.iso(text) { return date }
        }
        return nil
    }
}
