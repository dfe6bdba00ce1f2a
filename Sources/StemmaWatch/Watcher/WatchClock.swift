import Foundation

/// The time a watcher schedules by: the system's, or a virtual one in tests.
public protocol WatchClock: Sendable {
    /// Seconds since 1970, UTC.
    func now() -> Double
    /// Returns at `time` or when the task is cancelled.
    func sleep(until time: Double) async
}

/// The wall clock.
public struct SystemWatchClock: WatchClock {
    public init() {}

    public func now() -> Double { Date().timeIntervalSince1970 }

    public func sleep(until time: Double) async {
        let seconds = time - now()
        guard seconds > 0 else { return }
        try? await Task.sleep(for: .milliseconds(Int64(min(seconds, 86_400) * 1000)))
    }
}

extension Double {
    /// `2026-12-02T10:15:00Z`.
    var iso8601: String {
        Date(timeIntervalSince1970: self).formatted(.iso8601)
    }
}
