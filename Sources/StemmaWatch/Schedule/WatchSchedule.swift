/// When a watched page is checked again: often while its story is fresh and changing, then less
/// and less, and not at all after `watchFor` without a change (NewsDiffs' idea). A change resets
/// the rate, since the age that picks the interval is counted from the last change.
///
/// ```swift
/// let schedule = try WatchSchedule(parsing: "15m<3h,1h<1d,6h<7d,1d", watchFor: 30 * 86_400)
/// schedule.interval(sinceChange: 600)      // 900: every 15 minutes in its first three hours
/// schedule.nextCheck(now: now, lastChange: now - 40 * 86_400)   // nil: no longer watched
/// ```
public struct WatchSchedule: Sendable, Equatable {
    /// Check every `interval` seconds while the page's last change is less than `until` seconds
    /// old; the last step has no bound.
    public struct Step: Sendable, Equatable {
        public var interval: Double
        public var until: Double?

        public init(interval: Double, until: Double?) {
            self.interval = interval
            self.until = until
        }
    }

    public var steps: [Step]
    /// Seconds without a change after which a page is no longer checked.
    public var watchFor: Double

    /// Every 15 minutes for 3 hours, hourly until a day, every 6 hours until a week, then daily,
    /// for 30 days.
    public static let standard = WatchSchedule(
        steps: [Step(interval: 900, until: 3 * 3600), Step(interval: 3600, until: 86_400),
                Step(interval: 6 * 3600, until: 7 * 86_400), Step(interval: 86_400, until: nil)],
        watchFor: 30 * 86_400)

    public init(steps: [Step], watchFor: Double) {
        precondition(!steps.isEmpty, "a schedule needs a step")
        self.steps = steps
        self.watchFor = watchFor
    }

    /// Reads `INTERVAL<AGE,…,INTERVAL`: `15m<3h,1h<1d,1d` checks every 15 minutes while the last
    /// change is under 3 hours old, hourly under a day, then daily. Durations as ``WatchDuration``.
    public init(parsing text: String, watchFor: Double) throws(WatchDuration.Error) {
        var steps: [Step] = []
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            let pieces = part.split(separator: "<", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { throw WatchDuration.Error(text: String(part), reason: "one `<` per step") }
            let interval = try WatchDuration.seconds(String(pieces[0]))
            let until = try pieces.count == 2 ? WatchDuration.seconds(String(pieces[1])) : nil
            guard interval > 0 else { throw WatchDuration.Error(text: String(part), reason: "an interval must be positive") }
            if until == nil, index != parts.count - 1 {
                throw WatchDuration.Error(text: String(part), reason: "only the last step may go without `<AGE`")
            }
            if let until, let previous = steps.last?.until, until <= previous {
                throw WatchDuration.Error(text: String(part), reason: "ages must grow from step to step")
            }
            steps.append(Step(interval: interval, until: until))
        }
        self.init(steps: steps, watchFor: watchFor)
    }

    /// The interval for a page whose last change is `age` seconds old.
    public func interval(sinceChange age: Double) -> Double {
        steps.first { step in step.until.map { age < $0 } ?? true }?.interval ?? steps[steps.count - 1].interval
    }

    /// When a page checked at `now`, last changed at `lastChange`, is due again; nil once it has
    /// gone `watchFor` without a change.
    public func nextCheck(now: Double, lastChange: Double) -> Double? {
        let age = max(0, now - lastChange)
        guard age < watchFor else { return nil }
        return min(now + interval(sinceChange: age), lastChange + watchFor)
    }

    /// When a page or feed that failed `failures` times in a row is tried again: its usual
    /// interval doubled per failure, at most a day later, and never sooner than `retryAfter`.
    public func nextCheck(afterFailure failures: Int, now: Double, lastChange: Double, retryAfter: Double? = nil) -> Double? {
        let age = max(0, now - lastChange)
        guard age < watchFor else { return nil }
        let backoff = min(interval(sinceChange: age) * Double(1 << min(max(failures - 1, 0), 16)), 86_400)
        return now + max(backoff, retryAfter ?? 0)
    }
}
