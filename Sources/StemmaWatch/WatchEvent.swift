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

extension WatchEvent {
    static func failure(url: String, date: String, message: String) -> WatchEvent {
        var event = WatchEvent(kind: .failed, url: url, date: date)
        event.message = message
        return event
    }

    /// The event as one line of JSON, keys sorted: `{"changes":{…},"date":…,"id":…,"summary":…,
    /// "tags":{…},"title":…,"type":"version","url":…,"version":2}`; a first version has no
    /// changes, summary or tags (they are null).
    public var jsonLine: String {
        jsonValue.serialized(pretty: false)
    }

    var jsonValue: JSONValue {
        var members: [(String, JSONValue?)] = [
            ("type", .string(kind.rawValue)), ("url", .string(url)), ("date", .string(date)), ("id", id.map(JSONValue.string)),
        ]
        switch kind {
        case .version:
            members += [
                ("version", version.map(JSONValue.int)), ("title", title.map(JSONValue.string) ?? .null),
                ("summary", summary.map { .string($0.line) } ?? .null), ("changes", summary.map { .counts($0.operations) } ?? .null),
                ("tags", summary.map { .counts($0.tags) } ?? .null), ("minor", .bool(minor)),
            ]
        case .failed:
            members.append(("message", message.map(JSONValue.string)))
        }
        return .sortedObject(members)
    }
}
