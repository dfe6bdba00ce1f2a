public import Hummingbird
import HTTPTypes
import NIOCore
import HummingbirdCore
public import Logging
public import StemmaStore

/// The router of `stemma serve`: the JSON API under `/api`, `/health`, and the web pages.
///
/// Tests drive it directly (`app.test(.router)`); ``buildApplication(store:configuration:logger:onServerRunning:)``
/// puts it behind an HTTP server.
///
/// - Throws: when an embedded template does not parse, a bug caught by every test.
public func buildRouter(store: Store, configuration: ServerConfiguration) throws -> Router<StemmaRequestContext> {
    let router = Router(context: StemmaRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: BodyLimitMiddleware(maxBodyBytes: configuration.maxBodyBytes))

    router.get("/health", use: HealthController(store: store).health).rejectingOtherMethods("/health", allowing: [.get])
    let api = router.group("api")
    DocumentsController(store: store, token: configuration.token).addRoutes(to: api.group("documents"))
    MatchController(store: store, maxLimit: configuration.maxMatchLimit).addRoutes(to: api.group("match"))
    DiffController(store: store).addRoutes(to: api.group("diff"))
    FamiliesController(store: store).addRoutes(to: api.group("families"))

    let pages = try PageRenderer()
    let changes = ChangesController(store: store, pages: pages)
    changes.addFeedRoutes(to: router)
    let html = router.group().add(middleware: HTMLErrorMiddleware(pages: pages))
    WebController(store: store, pages: pages, maxLimit: configuration.maxMatchLimit).addRoutes(to: html)
    changes.addPageRoutes(to: html)
    return router
}

/// The HTTP server of `stemma serve` over one store, bound as `configuration` says.
///
/// `runService()` on the result serves until SIGINT or SIGTERM, then lets requests in flight
/// finish (Hummingbird's graceful shutdown).
public func buildApplication(
    store: Store, configuration: ServerConfiguration, logger: Logger,
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    Application(
        router: try buildRouter(store: store, configuration: configuration),
        server: .http1(configuration: HTTP1Channel.Configuration(idleTimeout: .seconds(Int64(configuration.idleTimeout)))),
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "stemma"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}
