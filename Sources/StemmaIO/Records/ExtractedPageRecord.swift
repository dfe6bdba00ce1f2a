import Foundation
import StemmaCore

/// One page as `stemma extract --format jsonl` writes it: `{"path"` (a page file) or `"id"` (an
/// archive or JSONL record)`, "url", "title", "byline", "date", "modified", "language",
/// "siteName", "encoding", "text"}`, a member without a value left out (as in every record); an
/// archive record's `recordID` and the page's own `published` date, and the article's image
/// `captions`, where there are some.
package struct ExtractedPageRecord: Sendable, JSONRecord {
    package var record: CorpusRecord

    package init(_ record: CorpusRecord) {
        self.record = record
    }

    static let pageFields = ["byline", "modified", "language", "siteName", "encoding"]

    package var jsonValue: JSONValue {
        let document = record.document
        let extra = Dictionary(document.extra.map { ($0.key, $0.json) }, uniquingKeysWith: { first, _ in first })
        var members: [(String, JSONValue?)] = [
            (CorpusReader.isHTML(record.location) ? "path" : "id", .string(document.id)),
            ("url", document.url.json), ("title", document.title.json), ("date", document.date.json),
            ("text", .string(String(decoding: document.text, as: UTF8.self))),
            ("captions", extra["captions"].flatMap(Self.strings).map(JSONValue.strings)),
        ]
        for key in Self.pageFields + ["recordID", "published"] { members.append((key, extra[key].flatMap(Self.string).json)) }
        return .sortedObject(members)
    }

    private static func strings(_ json: [UInt8]) -> [String]? {
        try? JSONSerialization.jsonObject(with: Data(json)) as? [String]
    }

    /// A member's JSON string value.
    private static func string(_ json: [UInt8]) -> String? {
        try? JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed]) as? String
    }
}
