import Foundation
import StemmaCore
import StemmaIO
import StemmaStore

/// A recent change with what the page and the feed show of it: the one-line summary and the
/// side-by-side table of version n−1 → n.
struct ChangeEntry: Sendable {
    var change: StoredChange
    /// `DiffSummary.line`, or why there is no diff.
    var summary: String
    /// The diff table (HTML, escaped by the writer); nil when a side's text was not kept.
    var table: String?

    /// The entries of `changes`, each diffed with the version before it, as the diff page diffs.
    ///
    /// - Throws: ``StoreError`` for a damaged store; `CancellationError` once `isCancelled` is true.
    static func load(_ changes: [StoredChange], from store: Store, isCancelled: () -> Bool) throws -> [ChangeEntry] {
        try changes.map { change in
            if isCancelled() { throw CancellationError() }
            guard let old = try store.version(of: change.documentID, number: change.version - 1)?.text,
                let new = try store.version(of: change.documentID, number: change.version)?.text
            else {
                return ChangeEntry(change: change, summary: "no diff: the index keeps no text for this version (added with --no-text)")
            }
            let diff = VersionDiff(old: old, new: new)
            return ChangeEntry(change: change, summary: DiffSummary(diff).line, table: HTMLDiffWriter().table(diff))
        }
    }

    /// The title to show: the document's, else its URL, else its id.
    var title: String {
        [change.title, change.url].compactMap { $0 }.first { !$0.isEmpty } ?? change.documentID
    }

    /// The diff page of this change, as a path with its query.
    var diffPath: String {
        let id = URLQuery.encode(change.documentID)
        return "/diff?old=\(id)&oldVersion=\(change.version - 1)&new=\(id)&newVersion=\(change.version)"
    }

    var historyPath: String { "/history?id=\(URLQuery.encode(change.documentID))" }

    /// When it happened, for the feed: the fetch, else the version's own date, else nil.
    var time: Date? {
        if let fetched = change.fetched { return Date(timeIntervalSince1970: fetched) }
        return change.date.flatMap(Self.date)
    }

    /// An ISO 8601 date-time, or a date (taken as midnight UTC); nil for anything else.
    static func date(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: String(text.prefix(10)))
    }
}
