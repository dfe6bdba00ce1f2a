import Hummingbird
import HTTPTypes
import NIOCore
import StemmaIO
import StemmaStore

/// One family: the fields of `stemma families --format json`.
struct FamilyRecord: Encodable, Sendable {
    var family: String
    var size: Int
    var members: [String]
    var earliest: String?
    var latest: String?

    init(_ family: StoreFamily) {
        self.family = family.name
        size = family.members.count
        members = family.members
        earliest = family.earliestDate
        latest = family.latestDate
    }
}

struct FamiliesResponse: ResponseEncodable, Sendable {
    var families: [FamilyRecord]
}

/// `GET /api/families/{id}/history`: the family's versions oldest first, as `stemma history --format json`.
struct HistoryResponse: ResponseEncodable, Sendable {
    var id: String
    var family: String
    var versions: [HistoryRecord]
}
