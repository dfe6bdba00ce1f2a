import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals
import StemmaIO
import StemmaServer
import StemmaStore

/// `stemma serve`: the HTTP API and web pages over an index.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the index over HTTP: a JSON API and web pages to search, compare and browse versions.",
        discussion: """
        Binds to 127.0.0.1 unless --host says otherwise. With --token (or STEMMA_TOKEN), POST \
        /api/documents needs "Authorization: Bearer TOKEN". Stops on SIGINT or SIGTERM: requests in \
        flight get 5 seconds to finish, then are cancelled.
        """
    )

    @OptionGroup var database: DatabaseOptions

    /// The index served; created when missing.
    var db: String { database.db }

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .shortAndLong, help: "The port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(help: ArgumentHelp("The largest request body accepted, e.g. 10MB, 512KiB (413 beyond).", valueName: "size"))
    var maxBody = "10MB"

    @Option(help: "Require this bearer token on endpoints that write (default: $STEMMA_TOKEN, which, unlike a flag, other users cannot read in ps).")
    var token: String?

    @Option(help: "Log level: trace, debug (one line per request), info, notice, warning, error, critical.")
    var logLevel = "info"

    /// Seconds that requests in flight get to finish after SIGTERM or SIGINT.
    static let shutdownGrace: Int64 = 5

    func validate() throws {
        guard ByteCount.parse(maxBody) != nil else { throw ValidationError("--max-body must be a size such as 10MB, not \(maxBody)") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
    }

    func run() async throws {
        // A store this process may not write is served read-only: reads work, adds answer 403.
        let store = try Store.open(path: db, readOnly: !Store.isWritable(path: db))
        let configuration = ServerConfiguration(
            host: host, port: port, maxBodyBytes: ByteCount.parse(maxBody) ?? ServerConfiguration.defaultMaxBodyBytes,
            token: token ?? ProcessInfo.processInfo.environment["STEMMA_TOKEN"])
        // Logs go to standard error, so standard output stays free for whatever runs the server.
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "stemma.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let counts = try store.counts()
        let host = self.host, port = self.port, db = self.db, announcer = logger
        let app = try buildApplication(store: store, configuration: configuration, logger: logger) { port in
            // The one line a script waits for (and reads the port from, with --port 0).
            announcer.notice("stemma serve: listening on http://\(host):\(port) (\(counts.documents) documents in \(db))",
                          metadata: ["auth": "\(configuration.token == nil ? "none" : "bearer token")",
                                    "index": "\(store.isReadOnly ? "read-only" : "read-write")"])
        }
        // Hummingbird's runService() waits for every request in flight, however long it runs;
        // past the grace period the group cancels them, and work that polls cancellation stops.
        var group = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(Self.shutdownGrace)
        do {
            try await ServiceGroup(configuration: group).run()
        } catch {
            // Most often the port is taken; say which address, not only the socket call that failed.
            throw ServeError(description: "cannot serve on \(host):\(port): \(error)")
        }
        logger.notice("stemma serve: stopped")
    }
}

/// Why the server could not run, in one line for standard error.
struct ServeError: Error, CustomStringConvertible {
    var description: String
}
