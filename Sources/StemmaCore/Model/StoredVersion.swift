/// One stored version of a document, with the document's metadata.
public struct StoredVersion: Sendable, Equatable {
    public var documentID: String
    /// 1 for the first text recorded under the id.
    public var version: Int
    /// The number of the document's latest version.
    public var latestVersion: Int
    public var family: String
    public var date: String?
    public var title: String?
    public var url: String?
    public var source: String?
    /// Length of the text in UTF-8 bytes.
    public var bytes: Int
    /// Nil when the store was filled with `keepText: false`.
    public var text: String?

    public init(documentID: String, version: Int, latestVersion: Int, family: String, date: String? = nil, title: String? = nil, url: String? = nil, source: String? = nil, bytes: Int, text: String? = nil) {
        self.documentID = documentID
        self.version = version
        self.latestVersion = latestVersion
        self.family = family
        self.date = date
        self.title = title
        self.url = url
        self.source = source
        self.bytes = bytes
        self.text = text
    }
}
