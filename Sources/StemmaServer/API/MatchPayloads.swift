public import Hummingbird
import HTTPTypes
import NIOCore
public import StemmaStore

/// The body of `POST /api/match`.
struct MatchRequest: Decodable, Sendable {
    var text: String
    var limit: Int?
}

/// One match: the fields of `stemma match --format json`.
struct MatchRecord: Encodable, Sendable {
    var id: String
    var version: Int
    var date: String?
    var title: String?
    var jaccard: Double
    var containmentOfQuery: Double
    var containmentOfIndexed: Double

    init(_ match: StoreMatch) {
        id = match.documentID
        version = match.version
        date = match.date
        title = match.title
        jaccard = match.jaccard
        containmentOfQuery = match.containmentOfQuery
        containmentOfIndexed = match.containmentOfIndexed
    }
}

struct MatchResponse: ResponseEncodable, Sendable {
    var matches: [MatchRecord]
}

/// The body of `POST /api/diff`: two texts, and the names the report gives them.
struct DiffRequest: Decodable, Sendable {
    var old: String
    var new: String
    var oldName: String?
    var newName: String?
    var compact: Bool?
}
