/// A version that changed a document: its number (2 or more), when it was written or fetched,
/// and where it came from, for the recent-changes page and feed.
///
/// ```swift
/// let page = try store.recentChanges(offset: 0, limit: 20, includeMinor: false)
/// for change in page.items { print(change.documentID, change.version - 1, "→", change.version) }
/// ```
public struct StoredChange: Sendable, Hashable {
    public var documentID: String
    /// The new version's number; the change is from `version - 1` to it.
    public var version: Int
    /// The version's own date as indexed (`documentVersion.date`), if it has one.
    public var date: String?
    /// When the page was fetched, in seconds since 1970 (UTC); nil for a version `index add` stored.
    public var fetched: Double?
    /// The URL the capture came from, else the document's.
    public var url: String?
    public var title: String?
    /// The change is only in whitespace or a timestamp line, and not announced by default.
    public var minor: Bool

    public init(documentID: String, version: Int, date: String? = nil, fetched: Double? = nil, url: String? = nil,
                title: String? = nil, minor: Bool = false) {
        self.documentID = documentID
        self.version = version
        self.date = date
        self.fetched = fetched
        self.url = url
        self.title = title
        self.minor = minor
    }
}
