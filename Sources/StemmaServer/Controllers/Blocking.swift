import NIOConcurrencyHelpers
import NIOPosix

/// Runs store work that may take long (a large batch of adds, many diffs) on NIO's thread pool,
/// so it does not hold one of the few threads of Swift's cooperative pool that every request
/// shares.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(body)
}

/// ``blocking(_:)`` for work that polls whether it should stop: `body` gets a predicate that turns
/// true once the calling task is cancelled (the client went away, the server is shutting down).
/// A thread-pool thread runs outside any task, so `Task.isCancelled` there would never be true.
func cancellableBlocking<T: Sendable>(_ body: @escaping @Sendable (_ isCancelled: @Sendable () -> Bool) throws -> T) async throws -> T {
    let cancelled = NIOLockedValueBox(false)
    return try await withTaskCancellationHandler {
        try Task.checkCancellation()
        return try await NIOThreadPool.singleton.runIfActive { try body { cancelled.withLockedValue { $0 } } }
    } onCancel: {
        cancelled.withLockedValue { $0 = true }
    }
}
