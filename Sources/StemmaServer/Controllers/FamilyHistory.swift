import StemmaCore
import Hummingbird
import HTTPTypes
import NIOCore
import ServiceLifecycle
import StemmaStore

/// A family's history, or 404 for an id that is not indexed.
enum FamilyHistory {
    /// Watching for the client to leave reads the connection past the request, which ends it
    /// after the response; the header tells the client not to send another request on it.
    static let headers: HTTPFields = [.connection: "close"]

    /// The window of the history of the family of `id`.
    ///
    /// The work stops when the client disconnects or the server begins to shut down: a window of
    /// a long history is seconds of diffs that nobody would read.
    ///
    /// - Throws: 404 for an id that is not indexed; 503 when the server is stopping.
    static func load(_ id: String, window: QueryWindow, from store: Store, request: Request) async throws
        -> (family: String, page: Store.HistoryPage)
    {
        do {
            return try await request.body.consumeWithCancellationOnInboundClose { _ in
                try await cancelWhenGracefulShutdown {
                    try await cancellableBlocking { isCancelled in
                        guard let page = try store.history(of: id, limit: window.limit, offset: window.offset, isCancelled: isCancelled),
                            let stored = try store.version(of: id)
                        else {
                            throw HTTPError(.notFound, message: "no document with id \(id)")
                        }
                        return (stored.family, page)
                    }
                }
            }
        } catch is CancellationError {
            // Only a stopping server is left to read this: a client that went away reads nothing.
            throw HTTPError(.serviceUnavailable, message: "the server is stopping")
        }
    }
}
