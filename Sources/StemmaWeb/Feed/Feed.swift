/// A syndication feed or sitemap, reduced to what a watcher needs: where each article lives.
///
/// ```swift
/// let feed = try FeedReader.read(body, url: "https://example.com/feed.xml")
/// for entry in feed.entries { print(entry.url, entry.published ?? "-") }
/// if feed.kind == .sitemapIndex { /* each entry is another sitemap to read as a feed */ }
/// ```
public struct Feed: Sendable, Hashable {
    /// The format the document was read as.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// RSS 0.91 to 2.0 (`<rss>`), and a bare `<channel>`.
        case rss
        /// Atom 1.0 or 0.3 (`<feed>`).
        case atom
        /// RSS 1.0 or 0.90 (`<rdf:RDF>`).
        case rdf
        /// Microsoft's Channel Definition Format (`<CHANNEL>`).
        case cdf
        /// A sitemap (`<urlset>`), with Google News extensions.
        case sitemap
        /// A sitemap index (`<sitemapindex>`): its entries are sitemaps.
        case sitemapIndex
    }

    public var kind: Kind
    /// The feed's title as plain text.
    public var title: String?
    /// The feed's home page, absolute where the document allowed.
    public var link: String?
    /// The articles, in document order, with distinct URLs.
    public var entries: [FeedEntry]

    public init(kind: Kind, title: String? = nil, link: String? = nil, entries: [FeedEntry] = []) {
        self.kind = kind
        self.title = title
        self.link = link
        self.entries = entries
    }
}
