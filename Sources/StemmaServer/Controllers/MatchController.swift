public import Hummingbird
import HTTPTypes
import NIOCore
public import StemmaStore

/// `POST /api/match`: the indexed versions a text is a version or copy of, best first.
struct MatchController: Sendable {
    let store: Store
    let maxLimit: Int

    func addRoutes(to group: RouterGroup<StemmaRequestContext>) {
        group.post(use: match)
    }

    @Sendable func match(request: Request, context: StemmaRequestContext) async throws -> MatchResponse {
        let query = try await JSONBody.decode(MatchRequest.self, from: request, context: context)
        let limit = query.limit ?? 20
        guard (1...maxLimit).contains(limit) else {
            throw HTTPError(.badRequest, message: "limit must be between 1 and \(maxLimit), not \(limit)")
        }
        // Matching one text is a sketch and a few indexed lookups (well under a millisecond), so
        // it runs here rather than paying a hop to the thread pool on the hottest endpoint.
        let matches = try store.matches(for: Array(query.text.utf8), limit: limit)
        return MatchResponse(matches: matches.map(MatchRecord.init))
    }
}
