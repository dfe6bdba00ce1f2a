public import StemmaIO

/// What `stemma watch` reports: a line of its JSONL output and the body of a webhook POST.
public struct WatchEvent: Sendable {
    public enum Kind: String, Sendable {
        /// A page's article changed (or was seen for the first time): a new version.
        case version
        /// A fetch that gave no version: an HTTP error, a timeout, a page too large, an error page.
        case failed
    }

    public var kind: Kind
    public var url: String
    /// The document id (the page's canonical URL), for a version.
    public var id: String?
    public var version: Int?
    /// When the page was fetched, ISO 8601 UTC.
    public var date: String
    public var title: String?
    /// What changed from the previous version; nil for a first version and a failure.
    public var summary: DiffSummary?
    /// Whitespace only, or only the page's own timestamp line: kept, not announced by default.
    public var minor = false
    /// Why a fetch failed.
    public var message: String?

    public init(kind: Kind, url: String, date: String) {
        self.kind = kind
        self.url = url
        self.date = date
    }
}
