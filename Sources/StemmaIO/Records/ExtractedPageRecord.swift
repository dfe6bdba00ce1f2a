import Foundation
package import StemmaCore

/// One page as `stemma extract --format jsonl` writes it: `{"path"` (a page file) or `"id"` (an
/// archive or JSONL record)`, "url", "title", "byline", "date", "modified", "language",
/// "siteName", "encoding", "text"}`, missing values as null; an archive record's `recordID` and
/// the page's own `published` date, and the article's image `captions`, where there are some.
package struct ExtractedPageRecord: Sendable, JSONRecord {
    package var record: CorpusRecord

    package init(_ record: CorpusRecord) {
        self.record = record
    }

    static let pageFields = ["byline", "modified", "language", "siteName", "encoding"]

    package var jsonValue: JSONValue {
        let document = record.document
        var members: [(String, JSONValue)] = [
            (CorpusReader.isHTML(record.location) ? "path" : "id", .string(document.id)),
            ("url", document.url.json ?? .null), ("title", document.title.json ?? .null), ("date", document.date.json ?? .null),
            ("text", .string(String(decoding: document.text, as: UTF8.self))),
        ]
        let extra = Dictionary(document.extra.map { ($0.key, $0.json) }, uniquingKeysWith: { first, _ in first })
        for key in Self.pageFields { members.append((key, extra[key].flatMap(Self.string).json ?? .null)) }
        for key in ["recordID", "published"] {
            if let value = extra[key].flatMap(Self.string) { members.append((key, .string(value))) }
        }
        if let captions = extra["captions"].flatMap(Self.strings) { members.append(("captions", .strings(captions))) }
        return .object(members.sorted { $0.0 < $1.0 })
    }

    private static func strings(_ json: [UInt8]) -> [String]? {
        try? JSONSerialization.jsonObject(with: Data(json)) as? [String]
    }

    /// A member's JSON string value.
    private static func string(_ json: [UInt8]) -> String? {
        try? JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed]) as? String
    }
}
