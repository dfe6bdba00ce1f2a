import GRDB

extension Store {
    /// The newest versions that changed a document (numbers 2 and up), newest first, skipping
    /// `offset` and taking at most `limit`, with how many there are in all.
    ///
    /// Newest is the order of insertion (`documentVersion.id`), not of dates: a page fetched
    /// today may carry an older date, and what a reader of the changes wants is what arrived last.
    /// A version `index add` stored has no capture and counts as a change, never a minor one.
    ///
    /// ```swift
    /// let first = try store.recentChanges(offset: 0, limit: 20, includeMinor: false)
    /// print("\(first.items.count) of \(first.total) changes")
    /// ```
    ///
    /// - Parameter includeMinor: Also the versions a watcher marked minor (whitespace, a timestamp line).
    /// - Throws: ``StoreError/corruptValue(column:reason:)`` for a damaged row.
    /// - Complexity: The page walks versions from the newest; the count scans every version.
    public func recentChanges(offset: Int, limit: Int, includeMinor: Bool) throws -> ListPage<StoredChange> {
        try writer.read { db in
            let condition = "v.number >= 2" + (includeMinor ? "" : " AND coalesce(c.minor, 0) = 0")
            // A version's first capture is the one it was read from; reextract can merge later ones into it.
            let firstCapture = "LEFT JOIN capture c ON c.id = (SELECT min(id) FROM capture WHERE version = v.id)"
            let from = "FROM documentVersion v \(firstCapture) WHERE \(condition)"
            let total = try Int.fetchOne(db, sql: "SELECT count(*) \(from)") ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT v.documentId, v.number, v.date, c.fetched, coalesce(c.url, d.url) AS url, d.title,
                       coalesce(c.minor, 0) AS minor
                FROM documentVersion v JOIN document d ON d.id = v.documentId \(firstCapture)
                WHERE \(condition) ORDER BY v.id DESC LIMIT ? OFFSET ?
                """, arguments: [max(0, limit), max(0, offset)])
            let items = try rows.map { row in
                StoredChange(documentID: try row.checked("documentId"), version: try row.checkedCount("number", in: 2...Int.max),
                             date: try row.checked("date"), fetched: try Self.checkedTime(row, "fetched"), url: try row.checked("url"),
                             title: try row.checked("title"), minor: try row.checked("minor"))
            }
            return ListPage(items: items, total: total, offset: max(0, offset), limit: limit)
        }
    }

    /// A time column, which must be a finite number when present: a NaN or an infinity written
    /// into the file would trap where a date is made of it.
    static func checkedTime(_ row: Row, _ column: String) throws -> Double? {
        guard let value: Double = try row.checked(column) else { return nil }
        guard value.isFinite else { throw StoreError.corruptValue(column: column, reason: "\(value) is not a time") }
        return value
    }
}
