import Hummingbird
import HTTPTypes
import NIOCore
import StemmaStore
import StemmaCore
import StemmaIO

/// `POST /api/match`: the indexed versions a text is a version or copy of, best first.
struct MatchController: Sendable {
    let store: Store
    let maxLimit: Int

    func addRoutes(to group: RouterGroup<StemmaRequestContext>) {
        group.post(use: match).rejectingOtherMethods(allowing: [.post])
    }

    @Sendable func match(request: Request, context: StemmaRequestContext) async throws -> JSONResponse {
        let query = try await JSONBody.decode(MatchRequest.self, from: request, context: context)
        let limit = query.limit ?? 20
        guard (1...maxLimit).contains(limit) else {
            throw HTTPError(.badRequest, message: "limit must be between 1 and \(maxLimit), not \(limit)")
        }
        // Matching one text is a sketch and a few indexed lookups (well under a millisecond), so
        // it runs here rather than paying a hop to the thread pool on the hottest endpoint.
        let matches = try store.matches(for: query.text, limit: limit)
        guard query.summary == true else { return JSONResponse(.document("matches", matches.map { MatchRecord($0) })) }
        let store = self.store, text = query.text
        let diffs = try await blocking { try store.diffs(from: matches, to: text) }
        return JSONResponse(.document("matches", zip(matches, diffs).map { MatchRecord($0, summary: $1.map(DiffSummary.init)) }))
    }
}
