import Hummingbird
import HTTPTypes
import NIOCore
import StemmaStore

/// `GET /health`: the server answers and its index can be read.
struct HealthController: Sendable {
    let store: Store

    struct Health: ResponseEncodable, Sendable {
        var status: String
        var documents: Int
        var versions: Int
    }

    @Sendable func health(request: Request, context: StemmaRequestContext) async throws -> Health {
        let counts = try store.counts()
        return Health(status: "ok", documents: counts.documents, versions: counts.versions)
    }
}
