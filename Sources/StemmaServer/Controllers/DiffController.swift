import Hummingbird
import HTTPTypes
import NIOCore
import StemmaStore
import StemmaCore
import StemmaIO

/// `POST /api/diff` (two texts) and `GET /api/diff?old=ID&new=ID`: the report of
/// `stemma diff --format json`, byte for byte.
struct DiffController: Sendable {
    let store: Store

    func addRoutes(to group: RouterGroup<StemmaRequestContext>) {
        group.post(use: diffTexts)
        group.get(use: diffDocuments)
        group.rejectingOtherMethods(allowing: [.get, .post])
    }

    @Sendable func diffTexts(request: Request, context: StemmaRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(DiffRequest.self, from: request, context: context)
        let bytes = try await blocking {
            DiffReport(VersionDiff(old: body.old, new: body.new), oldPath: body.oldName ?? "old", newPath: body.newName ?? "new")
                .jsonBytes(pretty: body.compact != true)
        }
        return JSONBytes.response(bytes)
    }

    /// Two indexed versions: the latest of each id, or `oldVersion` / `newVersion`. The report
    /// names each side by its id.
    @Sendable func diffDocuments(request: Request, context: StemmaRequestContext) async throws -> Response {
        let query = QueryValues(request)
        let pair = try IndexedPair(query: query, store: store)
        let compact = try query.bool("compact")
        let bytes = try await blocking {
            DiffReport(pair.diff(), oldPath: pair.old.documentID, newPath: pair.new.documentID).jsonBytes(pretty: !compact)
        }
        return JSONBytes.response(bytes)
    }
}

/// Two stored versions named by a request's `old`, `new`, `oldVersion` and `newVersion`.
struct IndexedPair: Sendable {
    var old: StoredVersion
    var oldText: String
    var new: StoredVersion
    var newText: String

    init(query: QueryValues, store: Store) throws {
        // Both ids are checked before either is looked up, so a bad id is 400 whatever exists.
        let oldID = try query.documentID("old"), newID = try query.documentID("new")
        (old, oldText) = try StoredLookup.text(of: oldID, number: try query.positiveInt("oldVersion"), in: store)
        (new, newText) = try StoredLookup.text(of: newID, number: try query.positiveInt("newVersion"), in: store)
    }

    func diff() -> VersionDiff {
        VersionDiff(old: oldText, new: newText)
    }
}
