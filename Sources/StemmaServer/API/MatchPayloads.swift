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

/// One match: the fields of `stemma match --format json`.
struct MatchRecord: Sendable {
    var id: String
    var version: Int
    var date: String?
    var title: String?
    var jaccard: Double
    var containmentOfQuery: Double
    var containmentOfIndexed: Double
    /// What changed from the match to the text, when asked for and the index keeps texts.
    var summary: DiffSummary?

    init(_ match: StoreMatch, summary: DiffSummary? = nil) {
        id = match.documentID
        version = match.version
        date = match.date
        title = match.title
        jaccard = match.jaccard
        containmentOfQuery = match.containmentOfQuery
        containmentOfIndexed = match.containmentOfIndexed
        self.summary = summary
    }
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

extension MatchRecord {
    /// Keys sorted, as `JSONEncoder` with `.sortedKeys` writes them for `stemma match`.
    var jsonValue: JSONValue {
        func counts<Key: RawRepresentable<String>>(_ values: [Key: Int]) -> JSONValue {
            .object(values.map { ($0.key.rawValue, JSONValue.int($0.value)) }.sorted { $0.0 < $1.0 })
        }
        var members: [(String, JSONValue)] = []
        if let summary { members.append(("changes", counts(summary.operations))) }
        members += [("containmentOfIndexed", .double(containmentOfIndexed)), ("containmentOfQuery", .double(containmentOfQuery))]
        if let date { members.append(("date", .string(date))) }
        members += [("id", .string(id)), ("jaccard", .double(jaccard))]
        if let summary { members += [("summary", .string(summary.line)), ("tags", counts(summary.tags))] }
        if let title { members.append(("title", .string(title))) }
        members.append(("version", .int(version)))
        return .object(members)
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
