import StemmaIO

/// What Stemma reads from an HTML page: the article's text and the page's metadata.
///
/// ```swift
/// let page = WebPage(html: bytes, contentType: "text/html; charset=utf-8", url: "https://example.com/2022/03/02/story")
/// page.text    // the article body: paragraphs separated by blank lines, no title or byline
/// page.title   // "Harbor bridge reopens"
/// ```
public struct WebPage: Sendable, Equatable {
    /// The body, UTF-8: the article (``ExtractionMode/article``), all visible text
    /// (``ExtractionMode/text``) or the page's bytes decoded (``ExtractionMode/none``).
    public var text: [UInt8]
    public var title: String?
    public var byline: String?
    /// The publication date as the page gives it (ISO 8601 mostly).
    public var published: String?
    public var modified: String?
    /// The canonical URL, else the URL the page was read from.
    public var url: String?
    public var siteName: String?
    public var language: String?
    public var description: String?
    /// The text of the article's image captions and credits (``ExtractionMode/article`` only),
    /// which the body leaves out.
    public var captions: [String] = []
    /// The charset the page was decoded from, by its WHATWG name.
    public var encoding: String
    /// Undecodable byte sequences replaced with U+FFFD.
    public var replacedSequences: Int

    /// Reads a page.
    ///
    /// - Parameters:
    ///   - html: the page's bytes, in any charset.
    ///   - contentType: the HTTP `Content-Type`, whose charset comes before the page's own.
    ///   - url: where the page was read from, for its canonical URL and a date written in it.
    ///   - mode: what ``text`` holds.
    public init(html: [UInt8], contentType: String? = nil, url: String? = nil, mode: ExtractionMode = .article) {
        let decoded = PageDecoding.decode(html, contentType: contentType)
        self.init(decoded: decoded, parsed: mode == .none ? nil : HTMLParser.parse(decoded.bytes), url: url, mode: mode)
    }

    /// Reads a page, giving up on one of more than `maximumElements` elements (its work budget).
    ///
    /// - Throws: ``ReadError`` (without a file) when the page is over the budget.
    public static func read(html: [UInt8], contentType: String? = nil, url: String? = nil, mode: ExtractionMode,
                            maximumElements: Int) throws -> WebPage {
        let decoded = PageDecoding.decode(html, contentType: contentType)
        let parsed = mode == .none ? nil : HTMLParser.parse(decoded.bytes)
        if let parsed, parsed.tree.count > maximumElements {
            throw ReadError(file: "", reason: .malformed("HTML page of more than \(maximumElements) elements, over the budget for one page"))
        }
        return WebPage(decoded: decoded, parsed: parsed, url: url, mode: mode)
    }

    private init(decoded: (bytes: [UInt8], encoding: String, replaced: Int), parsed: (tree: HTMLTree, headElements: [HTMLTree.Index])?,
                 url: String?, mode: ExtractionMode) {
        encoding = decoded.encoding
        replacedSequences = decoded.replaced
        guard let (tree, headElements) = parsed else {
            text = decoded.bytes
            self.url = url
            return
        }
        let metadata = PageMetadata(tree: tree, headElements: headElements, pageURL: url)
        title = metadata.title
        published = metadata.published
        modified = metadata.modified
        self.url = metadata.canonicalURL ?? url
        siteName = metadata.siteName
        language = metadata.language
        description = metadata.description
        switch mode {
        case .article:
            let article = ArticleExtractor.article(of: tree, title: title, articleBody: metadata.articleBody)
            text = article.text
            byline = metadata.byline ?? article.byline
            captions = article.captions
        case .text, .none:
            text = BlockTextWriter.text(of: tree, from: HTMLTree.root)
            byline = metadata.byline
        }
    }
}

/// What ``WebPage/text`` holds.
public enum ExtractionMode: String, Sendable, CaseIterable {
    /// The article's main text, without navigation, comments and other furniture.
    case article
    /// All visible text, structure kept.
    case text
    /// The page's bytes as they are (decoded to UTF-8).
    case none
}

/// The page's bytes as UTF-8, by the WHATWG order (``HTMLCharset``).
enum PageDecoding {
    static func decode(_ bytes: [UInt8], contentType: String?) -> (bytes: [UInt8], encoding: String, replaced: Int) {
        let decoded = HTMLCharset.decode(bytes, transportContentType: contentType)
        return (decoded.bytes, decoded.encoding, decoded.replacedSequences)
    }
}
