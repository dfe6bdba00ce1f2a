/// One article of a ``Feed``: its address, and what the feed says about it.
///
/// ```swift
/// let entry = FeedEntry(url: "https://example.com/a", published: "2003-12-31T10:14:55Z")
/// entry.url        // always absolute http or https
/// entry.published  // ISO 8601 in UTC, or nil
/// ```
public struct FeedEntry: Sendable, Hashable {
    /// The article's absolute http(s) URL, resolved against `xml:base` and the feed's URL.
    public var url: String
    /// The feed's identifier for the article (RSS `guid`, Atom `id`, RDF `rdf:about`).
    public var id: String?
    /// The title as plain text: markup stripped, entities decoded, whitespace collapsed.
    public var title: String?
    /// When the article was first published, as `YYYY-MM-DDTHH:MM:SSZ`; nil when absent or
    /// unreadable.
    public var published: String?
    /// When the article last changed, in the same form.
    public var updated: String?

    public init(url: String, id: String? = nil, title: String? = nil, published: String? = nil, updated: String? = nil) {
        self.url = url
        self.id = id
        self.title = title
        self.published = published
        self.updated = updated
    }
}
