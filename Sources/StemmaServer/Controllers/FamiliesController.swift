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

    /// Largest first; `since`, `until` (ISO dates) and `source` filter as `stemma families` does,
    /// and `limit` (default 100, at most 1000) and `offset` page.
    @Sendable func list(request: Request, context: StemmaRequestContext) async throws -> JSONResponse {
        let query = QueryValues(request)
        let filter = try FamilyFilter(query), window = try QueryWindow(query, QueryWindow.families)
        let page = try store.families(dates: filter.dates, source: filter.source, limit: window.limit, offset: window.offset)
        return JSONResponse(.document("families", page.items, with: [
            ("limit", .int(window.limit)), ("offset", .int(window.offset)), ("total", .int(page.total)),
        ]))
    }

    /// A window of the history of the family of any member id: `limit` (default 50, at most 500)
    /// versions, newest first by `offset`, listed oldest first.
    @Sendable func history(request: Request, context: StemmaRequestContext) async throws -> JSONResponse {
        let id = try PathID.decode("id", in: context)
        let window = try QueryWindow(QueryValues(request), QueryWindow.history)
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
