public import StemmaCore
import Foundation
import GRDB

/// Which documents a listing takes, and which page of them.
public struct DocumentFilter: Sendable, Equatable {
    public var source: String?
    /// Documents dated within the range; an undated document is left out when there is one.
    public var dates: DateRange?
    public var family: String?

    public init(source: String? = nil, dates: DateRange? = nil, family: String? = nil) {
        self.source = source
        self.dates = dates
        self.family = family
    }
}

/// A page of a listing: some of the items, in order, and how many there are in all.
public struct ListPage<Item: Sendable>: Sendable {
    public var items: [Item]
    /// Items over all pages.
    public var total: Int
    public var offset: Int
    /// The page's size as asked; nil for everything from `offset` on.
    public var limit: Int?
}

extension ListPage: Equatable where Item: Equatable {}

extension Store {
    /// The documents `filter` takes, by id, skipping `offset` and taking at most `limit` (nil: all).
    ///
    /// Dates are compared as ``DateRange/contains(_:)`` does, through a SQL function, so that
    /// `--since 2022-03` means here what it means to `families`.
    public func documents(_ filter: DocumentFilter = DocumentFilter(), limit: Int? = nil, offset: Int = 0) throws
        -> ListPage<StoredDocumentSummary>
    {
        try writer.read { db in
            var conditions: [String] = [], arguments: StatementArguments = []
            if let source = filter.source {
                conditions.append("source = ?")
                arguments += [source]
            }
            if let family = filter.family {
                conditions.append("family = ?")
                arguments += [family]
            }
            if let dates = filter.dates {
                let inRange = DatabaseFunction("stemmaDateInRange", argumentCount: 1, pure: true) { values in
                    String.fromDatabaseValue(values[0]).map(dates.contains) ?? false
                }
                db.add(function: inRange)
                conditions.append("stemmaDateInRange(date)")
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM document \(whereClause)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, latestVersion, date, title, source, family FROM document \(whereClause) ORDER BY id LIMIT ? OFFSET ?
                """, arguments: arguments + [limit ?? -1, max(0, offset)])
            let items = try rows.map { row in
                StoredDocumentSummary(id: try row.checked("id"), latestVersion: try row.checked("latestVersion"), date: try row.checked("date"),
                                      title: try row.checked("title"), source: try row.checked("source"), family: try row.checked("family"))
            }
            return ListPage(items: items, total: total, offset: max(0, offset), limit: limit)
        }
    }

    /// A page of ``families(dates:source:)``: largest first, skipping `offset`, at most `limit`
    /// (nil: all), with the number of families the filters take.
    public func families(dates: DateRange? = nil, source: String? = nil, limit: Int?, offset: Int = 0) throws -> ListPage<IndexFamily> {
        let all = try families(dates: dates, source: source)
        let start = min(max(0, offset), all.count)
        let end = limit.map { min(all.count, start + max(0, $0)) } ?? all.count
        return ListPage(items: Array(all[start..<end]), total: all.count, offset: max(0, offset), limit: limit)
    }
}
