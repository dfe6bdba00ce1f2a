/// One indexed document as `stemma index list` shows it: its id, latest version and metadata.
public struct StoredDocumentSummary: Sendable, Equatable {
    public var id: String
    public var latestVersion: Int
    /// The latest date given for the document (a version without one keeps the earlier date).
    public var date: String?
    public var title: String?
    public var source: String?
    public var family: String

    public init(id: String, latestVersion: Int, date: String? = nil, title: String? = nil, source: String? = nil, family: String) {
        self.id = id
        self.latestVersion = latestVersion
        self.date = date
        self.title = title
        self.source = source
        self.family = family
    }
}
