import StemmaCore
import Hummingbird
import HTTPTypes
import NIOCore
import ServiceLifecycle
import StemmaStore

/// Which versions of a family's history a request asks for: the newest `limit`, after skipping
/// the `offset` newest. A family can hold 100,000 copies of a wire story, and each version shown
/// costs a scan of the earlier ones and a few diffs, so a request never asks for all of them.
struct HistoryWindow: Sendable, Equatable {
    static let defaultLimit = 50
    static let maxLimit = 500

    var limit: Int
    var offset: Int

    /// - Throws: 400 for a `limit` outside 1...``maxLimit`` or an `offset` that is not a
    ///   non-negative integer.
    init(_ query: QueryValues) throws {
        limit = try query.int("limit", in: 1...Self.maxLimit) ?? Self.defaultLimit
        offset = try query.int("offset", in: 0...Int.max) ?? 0
    }
}

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
    static func load(_ id: String, window: HistoryWindow, from store: Store, request: Request) async throws
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
