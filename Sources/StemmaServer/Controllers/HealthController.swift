import Hummingbird
import HTTPTypes
import NIOCore
import StemmaIO
import StemmaStore

/// `GET /health`: the server answers and its index can be read.
struct HealthController: Sendable {
    let store: Store

    /// `{"documents", "status", "versions"}`.
    @Sendable func health(request: Request, context: StemmaRequestContext) async throws -> JSONResponse {
        let counts = try store.counts()
        return JSONResponse(.object([("documents", .int(counts.documents)), ("status", .string("ok")), ("versions", .int(counts.versions))]))
    }
}
