import NIOPosix

/// Runs store work that may take long (a large batch of adds, many diffs) on NIO's thread pool,
/// so it does not hold one of the few threads of Swift's cooperative pool that every request
/// shares.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(body)
}
