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

/// A page of families, largest first: `total` over all pages.
struct FamiliesResponse: ResponseEncodable, Sendable {
    var families: [FamilyRecord]
    var total: Int
    var limit: Int
    var offset: Int
}

/// `GET /api/families/{id}/history`: a window of the family's versions oldest first, each as a
/// line of `stemma history --format json`.
struct HistoryResponse: ResponseEncodable, Sendable {
    var id: String
    var family: String
    /// Versions in the whole history.
    var total: Int
    /// The position in the whole history of `versions[0]`; `parent` counts in the whole history too.
    var start: Int
    var limit: Int
    var offset: Int
    var versions: [HistoryRecord]

    init(id: String, family: String, window: HistoryWindow, page: Store.HistoryPage) {
        self.id = id
        self.family = family
        total = page.total
        start = page.start
        limit = window.limit
        offset = window.offset
        versions = zip(page.start..., page.entries).map { HistoryRecord($1, position: $0) }
    }
}
