import Hummingbird
import HTTPTypes
import NIOCore
import StemmaStore
import StemmaIO
import StemmaCore

/// `GET /api/families` and `GET /api/families/{id}/history`.
struct FamiliesController: Sendable {
    let store: Store

    func addRoutes(to group: RouterGroup<StemmaRequestContext>) {
        group.get(use: list)
        group.get("{id}/history", use: history)
    }

    /// Largest first; `since`, `until` (ISO dates) and `source` filter as `stemma families` does.
    @Sendable func list(request: Request, context: StemmaRequestContext) async throws -> FamiliesResponse {
        let filter = try FamilyFilter(QueryValues(request))
        let families = try store.families(dates: filter.dates, source: filter.source)
        return FamiliesResponse(families: families.map(FamilyRecord.init))
    }

    /// The history of the family of any member id.
    @Sendable func history(request: Request, context: StemmaRequestContext) async throws -> HistoryResponse {
        let id = try PathID.decode("id", in: context)
        let (family, entries) = try await FamilyHistory.load(id, from: store)
        return HistoryResponse(id: id, family: family, versions: entries.map(HistoryRecord.init))
    }
}

/// The filters of a families listing.
struct FamilyFilter {
    var dates: DateRange?
    var source: String?

    /// - Throws: 400 for a date that is not ISO; a start after the end is an empty listing.
    init(_ query: QueryValues) throws {
        let since = query.string("since"), until = query.string("until")
        do {
            dates = since != nil || until != nil ? try DateRange(since: since, until: until) : nil
        } catch let error as DateRange.InvalidDate {
            throw HTTPError(.badRequest, message: error.description)
        }
        source = query.string("source")
    }
}

/// A family's history, or 404 for an id that is not indexed.
enum FamilyHistory {
    static func load(_ id: String, from store: Store) async throws -> (family: String, entries: [HistoryEntry]) {
        try await blocking {
            guard let entries = try store.history(of: id), let stored = try store.version(of: id) else {
                throw HTTPError(.notFound, message: "no document with id \(id)")
            }
            return (stored.family, entries)
        }
    }
}
