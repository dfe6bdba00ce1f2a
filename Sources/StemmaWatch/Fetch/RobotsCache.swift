import StemmaWeb

/// robots.txt per origin, fetched once and kept for a day (RFC 9309 §2.4 allows caching up to 24 hours).
actor RobotsCache {
    private var rules: [String: (robots: RobotsTxt, fetched: ContinuousClock.Instant)] = [:]
    private var pending: [String: Task<RobotsTxt, Never>] = [:]

    func rules(for origin: String, fetch: @escaping @Sendable () async -> RobotsTxt) async -> RobotsTxt {
        if let cached = rules[origin], ContinuousClock.now - cached.fetched < .seconds(86_400) { return cached.robots }
        // One fetch per origin, however many of its pages are due at once.
        if let task = pending[origin] { return await task.value }
        let task = Task { await fetch() }
        pending[origin] = task
        let robots = await task.value
        pending[origin] = nil
        rules[origin] = (robots, .now)
        return robots
    }
}
