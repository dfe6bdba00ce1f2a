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
        group.rejectingOtherMethods(allowing: [.get]).rejectingOtherMethods("{id}/history", allowing: [.get])
    }

    /// Largest first; `since`, `until` (ISO dates) and `source` filter as `stemma families` does.
    @Sendable func list(request: Request, context: StemmaRequestContext) async throws -> JSONResponse {
        let filter = try FamilyFilter(QueryValues(request))
        let families = try store.families(dates: filter.dates, source: filter.source)
        return JSONResponse(.document("families", families))
    }

    /// A window of the history of the family of any member id: `limit` (default 50, at most 500)
    /// versions, newest first by `offset`, listed oldest first.
    @Sendable func history(request: Request, context: StemmaRequestContext) async throws -> JSONResponse {
        let id = try PathID.decode("id", in: context)
        let window = try HistoryWindow(QueryValues(request))
        let (family, page) = try await FamilyHistory.load(id, window: window, from: store, request: request)
        let record = HistoryPageRecord(id: id, family: family, total: page.total, start: page.start, limit: window.limit, offset: window.offset,
                                       versions: page.entries)
        return JSONResponse(record, headers: FamilyHistory.headers)
    }
}

/// The filters of a families listing.
struct FamilyFilter {
    var dates: DateRange?
    var source: String?

    /// - Throws: 400 for a date that is not ISO; a start after the end is an empty listing.
    init(_ query: QueryValues) throws {
        let since = try query.string("since"), until = try query.string("until")
        do {
            dates = since != nil || until != nil ? try DateRange(since: since, until: until) : nil
        } catch let error as DateRange.InvalidDate {
            throw HTTPError(.badRequest, message: error.description)
        }
        source = try query.string("source")
    }
}
