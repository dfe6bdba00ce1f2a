import Hummingbird
import HTTPTypes
import NIOCore
import StemmaStore
import Foundation
import StemmaCore
import StemmaIO

/// The web pages: search by text, matches, side-by-side diffs, families and histories. Forms
/// post and links get; there is no script.
struct WebController: Sendable {
    let store: Store
    let pages: PageRenderer
    let maxLimit: Int

    func addRoutes(to router: RouterGroup<StemmaRequestContext>) {
        router.get("/", use: home)
        router.post("/match", use: match)
        router.post("/compare", use: compare)
        router.get("/diff", use: diff)
        router.get("/families", use: families)
        router.get("/history", use: history)
        router.get("/document", use: document)
        router.get("/assets/{name}", use: asset)
        for (path, method) in [("/", HTTPRequest.Method.get), ("/match", .post), ("/compare", .post), ("/diff", .get), ("/families", .get),
                               ("/history", .get), ("/document", .get), ("/assets/{name}", .get)] {
            router.rejectingOtherMethods(RouterPath(path), allowing: [method])
        }
    }

    struct Home {
        var documents: Int
        var versions: Int
        var maxLimit: Int
    }

    @Sendable func home(request: Request, context: StemmaRequestContext) async throws -> Response {
        let counts = try store.counts()
        return pages.page("home", title: "Search", object: Home(documents: counts.documents, versions: counts.versions, maxLimit: maxLimit))
    }

    @Sendable func match(request: Request, context: StemmaRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        guard let text = try form.pageOrText("file") ?? form.text("text") else {
            throw HTTPError(.badRequest, message: "paste a text or choose a file to search for")
        }
        let limitText = try form.text("limit") ?? "20"
        guard let limit = Int(limitText), (1...maxLimit).contains(limit) else {
            throw HTTPError(.badRequest, message: "the number of matches must be between 1 and \(maxLimit), not \(limitText)")
        }
        let matches = try store.matches(for: Array(text.utf8), limit: limit)
        let store = self.store
        let summaries = try await blocking { try store.diffs(from: matches, to: Array(text.utf8)).map { $0.map(DiffSummary.init) } }
        return pages.page("matches", title: "Matches",
                          object: MatchesPage(matches, summaries: summaries, text: text, threshold: store.parameters.threshold))
    }

    /// An indexed version (the old side) against the posted text (the new side).
    @Sendable func compare(request: Request, context: StemmaRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        guard let text = try form.text("text") else { throw HTTPError(.badRequest, message: "no text to compare") }
        guard let target = try form.text("target"), let space = target.firstIndex(of: " "),
            let version = Int(target[..<space]), version > 0
        else {
            throw HTTPError(.badRequest, message: "no indexed version to compare with")
        }
        let id = try PathID.checked(String(target[target.index(after: space)...]), name: "target")
        let (stored, oldText) = try StoredLookup.text(of: id, number: version, in: store)
        return try await diffPage(old: oldText, new: text, oldName: "\(stored.documentID) v\(stored.version)", newName: "your text")
    }

    /// Two indexed versions: `old`, `new`, and optionally `oldVersion`, `newVersion`.
    @Sendable func diff(request: Request, context: StemmaRequestContext) async throws -> Response {
        let pair = try IndexedPair(query: QueryValues(request), store: store)
        return try await diffPage(old: pair.oldText, new: pair.newText, oldName: "\(pair.old.documentID) v\(pair.old.version)",
                                  newName: "\(pair.new.documentID) v\(pair.new.version)")
    }

    func diffPage(old: String, new: String, oldName: String, newName: String) async throws -> Response {
        let html = try await blocking { HTMLDiffWriter().fragment(VersionDiff(old: old, new: new), oldName: oldName, newName: newName) }
        return pages.page(html: html, title: "\(oldName) → \(newName)", stylesheets: ["diff.css"])
    }

    @Sendable func families(request: Request, context: StemmaRequestContext) async throws -> Response {
        let query = QueryValues(request)
        let filter = try FamilyFilter(query), window = try QueryWindow(query, QueryWindow.families)
        let page = try store.families(dates: filter.dates, source: filter.source, limit: window.limit, offset: window.offset)
        let pager = FamiliesPager(filter: filter, window: window, page: page)
        return pages.page("families", title: "Families", object: FamiliesPage(page.items, total: page.total, navigation: pager.navigation))
    }

    @Sendable func history(request: Request, context: StemmaRequestContext) async throws -> Response {
        let query = QueryValues(request)
        let id = try query.documentID("id")
        let window = try QueryWindow(query, QueryWindow.history)
        let (family, page) = try await FamilyHistory.load(id, window: window, from: store, request: request)
        let pager = HistoryPager(id: id, window: window, page: page)
        let links = HistoryHTMLWriter.Links(
            version: { "/document?id=\(URLQuery.encode($0.documentID))&version=\($0.version)" },
            diff: { parent, entry in
                "/diff?old=\(URLQuery.encode(parent.documentID))&oldVersion=\(parent.version)"
                    + "&new=\(URLQuery.encode(entry.documentID))&newVersion=\(entry.version)"
            })
        let html = pager.navigation + HistoryHTMLWriter(links: links).fragment(pager.entries, family: family)
        var response = pages.page(html: html, title: "History of \(family)", stylesheets: ["history.css"])
        response.headers.append(contentsOf: FamilyHistory.headers)
        return response
    }

    @Sendable func document(request: Request, context: StemmaRequestContext) async throws -> Response {
        let query = QueryValues(request)
        let stored = try StoredLookup.version(of: try query.documentID("id"), number: try query.version, in: store)
        return pages.page("document", title: stored.documentID, object: DocumentPage(stored))
    }

    @Sendable func asset(request: Request, context: StemmaRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        guard let response = Assets.response(for: name) else { throw HTTPError(.notFound, message: "no asset \(name)") }
        return response
    }
}

/// Percent-encoding of an id for a query value: everything but unreserved characters, so the
/// result is safe in a URL and in an HTML attribute.
enum URLQuery {
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
