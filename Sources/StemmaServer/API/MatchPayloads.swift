import Hummingbird
import HTTPTypes
import NIOCore
import StemmaStore
import StemmaCore
import StemmaIO

/// The body of `POST /api/match`.
struct MatchRequest: Decodable, Sendable {
    var text: String
    var limit: Int?
    /// Also diff the text against each match and summarize what changed, as `stemma match` does.
    /// Off by default: the diffs cost more than the match itself.
    var summary: Bool?
}

/// The body of `POST /api/diff`: two texts, and the names the report gives them.
struct DiffRequest: Decodable, Sendable {
    var old: String
    var new: String
    var oldName: String?
    var newName: String?
    var compact: Bool?
}
