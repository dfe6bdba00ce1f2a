/// A text with the metadata Stemma uses to order and attribute versions: the one document type
/// of every stage, from the readers through the index to the HTTP API.
///
/// The text is kept exactly as read, as valid UTF-8 bytes; every offset Stemma reports is a
/// UTF-8 byte offset into it.
///
/// ```swift
/// let doc = Document(id: "wt-2022-03-02", text: Array(story.utf8), date: "2022-03-02", source: "Washington Times")
/// ```
public struct Document: Sendable, Hashable {
    /// A member of the input this document came from that Stemma does not interpret, kept as raw
    /// JSON (a CSV column becomes a JSON string) so that written corpora pass it through.
    public struct Member: Sendable, Hashable {
        public var key: String
        /// One JSON value, UTF-8.
        public var json: [UInt8]

        public init(key: String, json: [UInt8]) {
            self.key = key
            self.json = json
        }
    }

    public var id: String
    /// Valid UTF-8.
    public var text: [UInt8]
    public var title: String?
    /// An ISO 8601 date or date-time, as given; Stemma compares dates as strings of that form.
    public var date: String?
    public var url: String?
    public var source: String?
    /// Other members of the input record, in input order.
    public var extra: [Member]

    public init(
        id: String,
        text: [UInt8],
        title: String? = nil,
        date: String? = nil,
        url: String? = nil,
        source: String? = nil,
        extra: [Member] = []
    ) {
        self.id = id
        self.text = text
        self.title = title
        self.date = date
        self.url = url
        self.source = source
        self.extra = extra
    }
}
