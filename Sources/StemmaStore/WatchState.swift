/// A feed or sitemap `stemma watch` reads for new pages: a row of `watchFeed`.
///
/// Times are seconds since 1970, UTC.
public struct WatchedFeed: Sendable, Hashable {
    public var url: String
    public var added: Double
    public var lastCheck: Double?
    public var nextCheck: Double
    /// The validators of the last response, for a conditional GET.
    public var etag: String?
    public var lastModified: String?
    /// Failed fetches since the last good one.
    public var failures: Int
    public var lastStatus: Int?
    public var title: String?

    public init(url: String, added: Double, nextCheck: Double) {
        self.url = url
        self.added = added
        self.nextCheck = nextCheck
        failures = 0
    }
}

/// A page `stemma watch` checks for changes: a row of `watchPage`.
public struct WatchedPage: Sendable, Hashable {
    /// The URL the page is fetched at: as a feed listed it, or as given.
    public var url: String
    /// The feed that listed it; nil for a page watched as itself.
    public var feed: String?
    /// The document its versions are stored as (the page's canonical URL), once it was read.
    public var documentID: String?
    public var firstSeen: Double
    public var lastCheck: Double?
    /// When its article last changed (its first version counts).
    public var lastChange: Double?
    /// When it is due; nil once it is no longer watched.
    public var nextCheck: Double?
    public var etag: String?
    public var lastModified: String?
    public var failures: Int
    public var lastStatus: Int?

    public init(url: String, feed: String?, firstSeen: Double) {
        self.url = url
        self.feed = feed
        self.firstSeen = firstSeen
        nextCheck = firstSeen
        failures = 0
    }
}

/// One fetch, as `fetchLog` keeps it: every fetch is logged, good or bad.
public struct FetchLogEntry: Sendable, Hashable {
    /// What came of a fetch.
    public enum Outcome: String, Sendable, CaseIterable {
        /// A new version was stored (a page's first one included).
        case version
        /// Read, and the article had not changed.
        case unchanged
        /// 304 Not Modified.
        case notModified = "not-modified"
        /// A feed read, its new pages queued.
        case feed
        /// No version: an HTTP error, a timeout, a refused or too large page, an empty or
        /// drastically shrunk article.
        case failed
        /// Not fetched: robots.txt disallows it.
        case disallowed
    }

    public var url: String
    public var time: Double
    public var status: Int?
    public var bytes: Int?
    public var etag: String?
    public var outcome: Outcome
    public var message: String?
    public var nextCheck: Double?
    public var failures: Int

    public init(url: String, time: Double, outcome: Outcome, status: Int? = nil, bytes: Int? = nil, etag: String? = nil,
                message: String? = nil, nextCheck: Double? = nil, failures: Int = 0) {
        self.url = url
        self.time = time
        self.outcome = outcome
        self.status = status
        self.bytes = bytes
        self.etag = etag
        self.message = message
        self.nextCheck = nextCheck
        self.failures = failures
    }
}
