/// What `stemma watch` does on each pass, besides fetching (``FetchPolicy``).
public struct WatchOptions: Sendable {
    public var schedule: WatchSchedule
    /// Seconds between two reads of a feed.
    public var feedInterval: Double
    /// Fetches in flight at once, over all hosts.
    public var concurrency: Int
    /// Announce minor changes (whitespace, the page's timestamp line) too.
    public var announcesMinor: Bool
    /// Checks written to the store in one transaction; a killed watcher fetches those of an
    /// unfinished one again.
    public var checksPerCommit: Int

    public init(schedule: WatchSchedule = .standard, feedInterval: Double = 900, concurrency: Int = 16,
                announcesMinor: Bool = false, checksPerCommit: Int = 64) {
        self.schedule = schedule
        self.feedInterval = feedInterval
        self.concurrency = max(1, concurrency)
        self.announcesMinor = announcesMinor
        self.checksPerCommit = max(1, checksPerCommit)
    }
}

/// What one pass did.
public struct PassTally: Sendable, Equatable, CustomStringConvertible {
    public var feeds = 0
    public var newPages = 0
    public var checked = 0
    public var versions = 0
    public var unchanged = 0
    public var failed = 0

    public init() {}

    /// "2 feeds, 50 new pages; 50 checked: 3 versions, 45 unchanged, 2 failed".
    public var description: String {
        "\(feeds) feed\(feeds == 1 ? "" : "s"), \(newPages) new page\(newPages == 1 ? "" : "s"); \(checked) checked: "
            + "\(versions) version\(versions == 1 ? "" : "s"), \(unchanged) unchanged, \(failed) failed"
    }
}
