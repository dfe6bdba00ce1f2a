import Hummingbird
import HTTPTypes
import NIOCore
import Logging
import StemmaIO
import StemmaStore

extension DocumentsController {
    /// The write routes of `/api/documents`: behind the token when the server has one.
    func addWriteRoutes(to group: RouterGroup<StemmaRequestContext>) {
        let writes = token.map { group.group().add(middleware: BearerTokenMiddleware(token: $0)) } ?? group
        writes.post(use: add)
        writes.delete("{id}", use: remove)
    }

    /// `DELETE /api/documents/{id}`: a takedown of the document, as `stemma index remove` does it.
    @Sendable func remove(request: Request, context: StemmaRequestContext) async throws -> JSONResponse {
        let id = try PathID.decode("id", in: context)
        guard !store.isReadOnly else { throw StoreError.readOnly(path: store.path) }
        let store = self.store
        let removal = try await blocking { try store.remove([id]) }
        guard removal.removed == [id] else { throw HTTPError(.notFound, message: "no document with id \(id)") }
        context.logger.info("removed document", metadata: ["id": "\(id)", "versions": "\(removal.versions)"])
        return JSONResponse(RemovalRecord(id: id, versions: removal.versions, families: removal.families))
    }
}
