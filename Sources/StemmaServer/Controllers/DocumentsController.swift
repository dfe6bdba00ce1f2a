import Hummingbird
import HTTPTypes
import NIOCore
import Logging
import StemmaStore
import StemmaCore

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
    @Sendable func add(request: Request, context: StemmaRequestContext) async throws -> EditedResponse<DocumentOutcomes> {
        let batch = try await JSONBody.decode(DocumentBatch.self, from: request, context: context)
        guard !batch.documents.isEmpty else { throw HTTPError(.badRequest, message: "no documents in the request") }
        guard !store.isReadOnly else { throw HTTPError(.forbidden, message: "the index is read-only (\(store.path) cannot be written)") }
        // The whole batch is refused for one bad id: it is one transaction, and a client told
        // which record to fix resends the batch rather than working out which others were kept.
        for (index, document) in batch.documents.enumerated() {
            if let problem = DocumentID.problem(with: document.id) {
                throw HTTPError(.badRequest, message: "document \(index): \(problem)")
            }
        }
        let store = self.store
        let outcomes = try await blocking {
            try Self.outcomes(of: batch.documents, results: try store.add(batch.documents.map(\.storeDocument), keepText: true), in: store)
        }
        let recordedAnything = outcomes.contains { $0.outcome != "unchanged" }
        context.logger.info("indexed documents", metadata: ["count": "\(outcomes.count)", "new": "\(recordedAnything)"])
        return EditedResponse(status: recordedAnything ? .created : .ok, response: DocumentOutcomes(documents: outcomes))
    }

    /// Each document's outcome with the version that holds its text. An unchanged text is the
    /// version current at that point of the batch: for an id first seen unchanged, the latest
    /// version less the new versions the rest of the batch recorded. (Should another request add
    /// a version of the same id between the add and that read, the number would be off by it:
    /// the store's add does not report the version an unchanged text matched.)
    static func outcomes(of documents: [DocumentInput], results: [AddOutcome], in store: Store) throws -> [DocumentOutcome] {
        var newVersions: [String: Int] = [:]
        for (document, result) in zip(documents, results) {
            if case .newVersion = result { newVersions[document.id, default: 0] += 1 }
        }
        var current: [String: Int] = [:]
        return try zip(documents, results).map { document, result in
            switch result {
            case .added:
                current[document.id] = 1
                return DocumentOutcome(id: document.id, outcome: "added", version: 1)
            case .newVersion(let number):
                current[document.id] = number
                return DocumentOutcome(id: document.id, outcome: "newVersion", version: number)
            case .unchanged:
                if current[document.id] == nil {
                    let latest = try store.version(of: document.id)?.version ?? 1
                    current[document.id] = latest - newVersions[document.id, default: 0]
                }
                return DocumentOutcome(id: document.id, outcome: "unchanged", version: current[document.id] ?? 1)
            }
        }
    }

    /// The latest version of a document, or `?version=N`.
    @Sendable func show(request: Request, context: StemmaRequestContext) async throws -> DocumentResponse {
        let id = try PathID.decode("id", in: context)
        let number = try QueryValues(request).version
        return DocumentResponse(try StoredLookup.version(of: id, number: number, in: store))
    }
}
