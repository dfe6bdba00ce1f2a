import Hummingbird
import HTTPTypes
import NIOCore
import StemmaStore
import StemmaCore
import StemmaIO

/// The body of `POST /api/match`: `text`, or `html` (a page, whose article is matched).
struct MatchRequest: Decodable, Sendable {
    var text: [UInt8]
    var limit: Int?
    /// Also diff the text against each match and summarize what changed, as `stemma match` does.
    /// Off by default: the diffs cost more than the match itself.
    var summary: Bool?

    private enum CodingKeys: String, CodingKey { case text, html, limit, summary }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try PageText.text(container.decodeIfPresent(String.self, forKey: .text), html: container.decodeIfPresent(String.self, forKey: .html),
                                 id: "match", url: nil, at: decoder.codingPath).bytes
        limit = try container.decodeIfPresent(Int.self, forKey: .limit)
        summary = try container.decodeIfPresent(Bool.self, forKey: .summary)
    }
}

/// The body of `POST /api/diff`: two texts, and the names the report gives them.
struct DiffRequest: Decodable, Sendable {
    var old: String
    var new: String
    var oldName: String?
    var newName: String?
    var compact: Bool?
}
