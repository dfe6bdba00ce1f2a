import Foundation
import StemmaTestSupport
import StemmaWatch
import StemmaStore

/// A virtual clock: sleeping moves it forward at once, and tests advance it between passes.
final class ManualClock: WatchClock, @unchecked Sendable {
    private let lock = NSLock()
    private var time: Double

    init(start: Double = 1_800_000_000) {
        time = start
    }

    func now() -> Double { lock.withLock { time } }

    func advance(by seconds: Double) { lock.withLock { time += seconds } }

    func sleep(until target: Double) async {
        lock.withLock { time = max(time, target) }
    }
}

/// The events a watcher announced.
actor EventLog {
    private(set) var events: [WatchEvent] = []

    func append(_ event: WatchEvent) { events.append(event) }

    func versions() -> [WatchEvent] { events.filter { $0.kind == .version } }

    func clear() { events = [] }
}

extension FetchPolicy {
    /// Quick, for loopback fixtures: no delay, short timeouts and backoffs.
    static let testing = FetchPolicy(userAgent: "StemmaTest/1.0", perHost: 4, delay: 0, timeout: 1, retries: 1, backoff: 0.01)
}
