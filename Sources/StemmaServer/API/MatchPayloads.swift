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

/// The body of a `POST /api/match` response, `{"matches": [...]}` with each record's keys sorted
/// as the other responses'.
///
/// Written with StemmaIO's JSON writer rather than `JSONEncoder`: on the load test (100k
/// documents, wrk on /api/match) `JSONEncoder` took 5.6% of the server's CPU for these few bytes.
struct MatchResponse: ResponseGenerator, Sendable {
    var matches: [MatchRecord]

    var jsonValue: JSONValue {
        .object([("matches", .array(matches.map(\.jsonValue)))])
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBytes.response(jsonValue.utf8(pretty: false))
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
