public import StemmaStore
import StemmaCore
import Foundation

/// Follows feeds and pages: each pass reads the feeds that are due, queues the pages they list,
/// and checks every page that is due, storing each changed article as a new version.
///
/// ```swift
/// let watcher = Watcher(store: store, fetcher: Fetcher(), options: WatchOptions()) { event in
///     print(event.jsonLine)                 // {"type":"version","id":"https://…","version":2,…}
/// }
/// try store.watch(feeds: ["https://example.com/feed.xml"], pages: [], at: Date().timeIntervalSince1970)
/// let tally = try await watcher.pass()     // 1 feed, 50 new pages; 50 checked: 50 versions, …
/// ```
public final class Watcher: Sendable {
    let store: Store
    let fetcher: Fetcher
    let options: WatchOptions
    let clock: any WatchClock
    let announce: @Sendable (WatchEvent) async -> Void
    let stopping = StopFlag()

    public init(store: Store, fetcher: Fetcher, options: WatchOptions = WatchOptions(), clock: any WatchClock = SystemWatchClock(),
                announce: @escaping @Sendable (WatchEvent) async -> Void) {
        self.store = store
        self.fetcher = fetcher
        self.options = options
        self.clock = clock
        self.announce = announce
    }

    /// Asks a running pass or ``run()`` to stop: fetches in flight finish and are recorded, no
    /// new one starts.
    public func stop() {
        stopping.set()
    }

    public var isStopping: Bool { stopping.isSet }

    /// Shuts the fetcher's HTTP client down; call once, when done with the watcher.
    public func shutdown() async throws {
        try await fetcher.shutdown()
    }

    /// One pass: the feeds due (all with `checkAll`), then the pages due, those the feeds just
    /// listed included.
    @discardableResult
    public func pass(checkAll: Bool = false) async throws -> PassTally {
        var tally = PassTally()
        let now = clock.now()
        let feeds = try store.dueFeeds(at: now, all: checkAll)
        tally.feeds = feeds.count
        tally.newPages = try await read(feeds)
        if checkAll {
            var after = ""
            while !stopping.isSet {
                let chunk = try store.watchedPages(after: after, limit: Self.chunk)
                guard let last = chunk.last else { break }
                after = last.url
                try await check(chunk, tally: &tally)
            }
            return tally
        }
        var seen = Set<String>()
        while !stopping.isSet {
            // A page checked in this pass is due again only after its interval, but a pass longer
            // than that must not check it twice.
            let due = try store.duePages(at: clock.now(), limit: Self.chunk).filter { !seen.contains($0.url) }
            guard !due.isEmpty else { break }
            seen.formUnion(due.map(\.url))
            try await check(due, tally: &tally)
        }
        return tally
    }

    /// Pages read from the store at once.
    static let chunk = 4096

    /// Passes until ``stop()``: after each, sleeps until the next feed or page is due (at most a
    /// minute, so that feeds added meanwhile by another process are seen).
    public func run() async throws {
        while !stopping.isSet {
            try await pass()
            guard !stopping.isSet else { break }
            try await waitForNextDue()
        }
    }

    /// Sleeps until the next feed or page is due, a minute at most, or until ``stop()``.
    public func waitForNextDue() async throws {
        let next = try store.nextDue() ?? clock.now() + 60
        await sleep(until: min(next, clock.now() + 60))
    }

    /// Sleeps, waking early when asked to stop.
    private func sleep(until time: Double) async {
        while !stopping.isSet, clock.now() < time {
            await clock.sleep(until: min(time, clock.now() + 0.25))
        }
    }
}

/// Set once, read from any thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
