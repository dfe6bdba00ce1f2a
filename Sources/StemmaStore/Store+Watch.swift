import StemmaCore
import GRDB

/// The state of `stemma watch`: what is watched, when it is due, and the fetch log.
extension Store {
    /// Starts watching feeds and pages; those watched already keep their state (a restart
    /// resumes their schedule).
    public func watch(feeds: [String], pages: [String], at now: Double) throws {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        try writer.write { db in
            for feed in feeds {
                try db.execute(sql: "INSERT OR IGNORE INTO watchFeed (url, added, nextCheck) VALUES (?, ?, ?)", arguments: [feed, now, now])
            }
            for page in pages {
                try db.execute(sql: "INSERT OR IGNORE INTO watchPage (url, firstSeen, nextCheck) VALUES (?, ?, ?)",
                               arguments: [page, now, now])
            }
        }
    }

    /// The feeds due at `now` (every feed with `all`), the most overdue first.
    public func dueFeeds(at now: Double, all: Bool = false) throws -> [WatchedFeed] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM watchFeed WHERE ? OR nextCheck <= ? ORDER BY nextCheck, url", arguments: [all, now])
                .map(WatchedFeed.init(row:))
        }
    }

    /// Up to `limit` pages due at `now`, the most overdue first.
    public func duePages(at now: Double, limit: Int) throws -> [WatchedPage] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM watchPage WHERE nextCheck IS NOT NULL AND nextCheck <= ? ORDER BY nextCheck, url LIMIT ?
                """, arguments: [now, limit]).map(WatchedPage.init(row:))
        }
    }

    /// Up to `limit` watched pages whose URL sorts after `url`, in URL order, due or not: pages
    /// for `--check-all`, a chunk at a time.
    public func watchedPages(after url: String, limit: Int) throws -> [WatchedPage] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM watchPage WHERE nextCheck IS NOT NULL AND url > ? ORDER BY url LIMIT ?",
                             arguments: [url, limit]).map(WatchedPage.init(row:))
        }
    }

    /// When the next feed or page is due, or nil when nothing is watched any longer.
    public func nextDue() throws -> Double? {
        try writer.read { db in
            try Double.fetchOne(db, sql: """
                SELECT min(t) FROM (SELECT min(nextCheck) AS t FROM watchFeed UNION ALL SELECT min(nextCheck) FROM watchPage)
                """)
        }
    }

    /// Records a feed's fetch and queues the pages it lists that are not watched yet.
    ///
    /// - Returns: how many pages were new.
    @discardableResult
    public func record(feed: WatchedFeed, log: FetchLogEntry, listing pages: [String] = []) throws -> Int {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        return try writer.write { db in
            try db.execute(sql: """
                UPDATE watchFeed SET lastCheck = ?, nextCheck = ?, etag = ?, lastModified = ?, failures = ?, lastStatus = ?,
                title = coalesce(?, title) WHERE url = ?
                """, arguments: [feed.lastCheck, feed.nextCheck, feed.etag, feed.lastModified, feed.failures, feed.lastStatus,
                                 feed.title, feed.url])
            var added = 0
            for page in pages {
                try db.execute(sql: "INSERT OR IGNORE INTO watchPage (url, feed, firstSeen, nextCheck) VALUES (?, ?, ?, ?)",
                               arguments: [page, feed.url, log.time, log.time])
                added += db.changesCount
            }
            try log.insert(in: db)
            return added
        }
    }

    /// The last `limit` fetches, newest first.
    public func fetchLog(limit: Int) throws -> [FetchLogEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM fetchLog ORDER BY id DESC LIMIT ?", arguments: [limit]).map(FetchLogEntry.init(row:))
        }
    }

    /// The watched page fetched at `url`, if any.
    public func watchedPage(_ url: String) throws -> WatchedPage? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM watchPage WHERE url = ?", arguments: [url]).map(WatchedPage.init(row:))
        }
    }
}

extension WatchedFeed {
    init(row: Row) {
        self.init(url: row["url"], added: row["added"], nextCheck: row["nextCheck"])
        lastCheck = row["lastCheck"]
        etag = row["etag"]
        lastModified = row["lastModified"]
        failures = row["failures"]
        lastStatus = row["lastStatus"]
        title = row["title"]
    }
}

extension WatchedPage {
    init(row: Row) {
        self.init(url: row["url"], feed: row["feed"], firstSeen: row["firstSeen"])
        documentID = row["documentId"]
        lastCheck = row["lastCheck"]
        lastChange = row["lastChange"]
        nextCheck = row["nextCheck"]
        etag = row["etag"]
        lastModified = row["lastModified"]
        failures = row["failures"]
        lastStatus = row["lastStatus"]
    }

    func update(in db: Database) throws {
        try db.execute(sql: """
            UPDATE watchPage SET documentId = ?, lastCheck = ?, lastChange = ?, nextCheck = ?, etag = ?, lastModified = ?,
            failures = ?, lastStatus = ? WHERE url = ?
            """, arguments: [documentID, lastCheck, lastChange, nextCheck, etag, lastModified, failures, lastStatus, url])
    }
}

extension FetchLogEntry {
    init(row: Row) {
        self.init(url: row["url"], time: row["time"], outcome: Outcome(rawValue: row["outcome"]) ?? .failed, status: row["status"],
                  bytes: row["bytes"], etag: row["etag"], message: row["message"], nextCheck: row["nextCheck"],
                  failures: row["failures"])
    }

    func insert(in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO fetchLog (url, time, status, bytes, etag, outcome, message, nextCheck, failures)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [url, time, status, bytes, etag, outcome.rawValue, message, nextCheck, failures])
    }
}

extension Store {
    /// Whether `url` is watched already, as a feed or a page.
    public func isWatched(_ url: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM watchFeed WHERE url = ?) OR EXISTS (SELECT 1 FROM watchPage WHERE url = ?)
                """, arguments: [url, url]) ?? false
        }
    }
}
