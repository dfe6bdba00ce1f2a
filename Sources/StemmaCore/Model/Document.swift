/// A text with the metadata Stemma uses to order and attribute versions.
///
/// The text is kept exactly as read; every offset Stemma reports is a UTF-8 byte offset into it.
///
/// ```swift
/// let doc = Document(id: "wt-2022-03-02", text: story, date: "2022-03-02", source: "Washington Times")
/// ```
public struct Document: Sendable, Hashable, Codable {
    public var id: String
    public var text: String
    public var title: String?
    /// An ISO 8601 date or date-time, as given; Stemma compares dates as strings of that form.
    public var date: String?
    public var url: String?
    public var source: String?

    public init(
        id: String,
        text: String,
        title: String? = nil,
        date: String? = nil,
        url: String? = nil,
        source: String? = nil
    ) {
        self.id = id
        self.text = text
        self.title = title
        self.date = date
        self.url = url
        self.source = source
    }
}
