import Hummingbird
import HTTPTypes
import NIOCore
import Logging
import StemmaStore
import StemmaCore
import StemmaIO

/// `POST /api/documents`, `GET /api/documents/{id}` and `DELETE /api/documents/{id}`.
struct DocumentsController: Sendable {
    let store: Store
    let token: String?

    func addRoutes(to group: RouterGroup<StemmaRequestContext>) {
        addWriteRoutes(to: group)
        group.get("{id}", use: show)
        group.rejectingOtherMethods(allowing: [.post]).rejectingOtherMethods("{id}", allowing: [.get, .delete])
    }

    /// Indexes one document or a batch in one transaction; 201 when anything new was recorded.
    @Sendable func add(request: Request, context: StemmaRequestContext) async throws -> JSONResponse {
        let batch = try await JSONBody.decode(DocumentBatch.self, from: request, context: context)
        guard !batch.documents.isEmpty else { throw HTTPError(.badRequest, message: "no documents in the request") }
        guard !store.isReadOnly else { throw StoreError.readOnly(path: store.path) }
        // The whole batch is refused for one bad id: it is one transaction, and a client told
        // which record to fix resends the batch rather than working out which others were kept.
        for (index, document) in batch.documents.enumerated() {
            if let problem = DocumentID.problem(with: document.id) {
                throw HTTPError(.badRequest, message: "document \(index): \(problem)")
            }
        }
        let store = self.store, documents = batch.documents
        let outcomes = try await blocking {
            let pipeline = IndexPipeline(store: store, keepText: true, documentsPerTransaction: documents.count)
            for document in documents { try pipeline.add(document) }
            try pipeline.finish()
            return pipeline.takeOutcomes()
        }
        let records = zip(documents, outcomes).map { AddRecord(id: $0.id, outcome: $1) }
        let recordedAnything = outcomes.contains { if case .unchanged = $0 { false } else { true } }
        context.logger.info("indexed documents", metadata: ["count": "\(records.count)", "new": "\(recordedAnything)"])
        return JSONResponse(.document("documents", records), status: recordedAnything ? .created : .ok)
    }

    /// The latest version of a document, or `?version=N`.
    @Sendable func show(request: Request, context: StemmaRequestContext) async throws -> JSONResponse {
        let id = try PathID.decode("id", in: context)
        let number = try QueryValues(request).version
        return JSONResponse(try StoredLookup.version(of: id, number: number, in: store))
    }
}
