import Foundation
import Hummingbird
import HTTPTypes
import NIOCore
import StemmaStore

/// `GET /changes` and `GET /changes.atom`: the newest versions that changed a document, each
/// with its diff against the version before it, as a web page and as an Atom feed.
///
/// Both read only, so they are open like the other pages; the token guards writes alone.
struct ChangesController: Sendable {
    let store: Store
    let pages: PageRenderer

    /// Each change shown costs two stored texts and a diff, so a page holds a few dozen.
    static let window = QueryWindow.Bounds(defaultLimit: 20, maxLimit: 100)

    /// The page, behind the HTML error pages.
    func addPageRoutes(to router: RouterGroup<StemmaRequestContext>) {
        router.get("/changes", use: page)
        router.rejectingOtherMethods("/changes", allowing: [.get])
    }

    /// The feed, whose errors stay plain as the API's do: a feed reader shows no HTML page.
    func addFeedRoutes(to router: Router<StemmaRequestContext>) {
        router.get("/changes.atom", use: feed)
        router.rejectingOtherMethods("/changes.atom", allowing: [.get])
    }

    struct Request: Sendable {
        var window: QueryWindow
        var includeMinor: Bool

        init(_ query: QueryValues) throws {
            window = try QueryWindow(query, ChangesController.window)
            includeMinor = try query.bool("minor")
        }
    }

    func load(_ request: Request) async throws -> (ListPage<StoredChange>, [ChangeEntry]) {
        let store = self.store
        return try await cancellableBlocking { isCancelled in
            let page = try store.recentChanges(offset: request.window.offset, limit: request.window.limit, includeMinor: request.includeMinor)
            return (page, try ChangeEntry.load(page.items, from: store, isCancelled: isCancelled))
        }
    }

    @Sendable func page(request: Hummingbird.Request, context: StemmaRequestContext) async throws -> Response {
        let asked = try Request(QueryValues(request))
        let (page, entries) = try await load(asked)
        let pager = ChangesPager(window: asked.window, includeMinor: asked.includeMinor, total: page.total, shown: entries.count)
        return pages.page("changes", title: "Recent changes", object: ChangesPage(entries, total: page.total, pager: pager),
                          stylesheets: ["diff.css"])
    }

    @Sendable func feed(request: Hummingbird.Request, context: StemmaRequestContext) async throws -> Response {
        let asked = try Request(QueryValues(request))
        let (_, entries) = try await load(asked)
        let selfPath = "/changes.atom" + (asked.includeMinor ? "?minor=1" : "")
        let xml = AtomFeed(base: Self.base(of: request), selfPath: selfPath, now: Date()).render(entries)
        return Response(status: .ok, headers: [.contentType: AtomFeed.contentType, .xContentTypeOptions: "nosniff"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: xml)))
    }

    /// The scheme and authority the client used, so that the feed's links lead back here; a
    /// proxy that ends TLS says so with `X-Forwarded-Proto`.
    static func base(of request: Hummingbird.Request) -> String {
        let authority = request.head.authority ?? "localhost"
        let forwarded = HTTPField.Name("X-Forwarded-Proto").flatMap { request.headers[$0] }
        return (forwarded == "https" ? "https" : "http") + "://" + authority.filter { !$0.isWhitespace && $0 != "/" }
    }
}
