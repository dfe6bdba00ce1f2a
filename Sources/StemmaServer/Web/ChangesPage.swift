import Foundation
import StemmaStore

/// What the changes template shows; every text is formatted here, and only `table` is HTML.
struct ChangesPage {
    struct Row {
        var title: String
        var historyLink: String
        var diffLink: String
        var url: String?
        var when: String
        var oldVersion: Int
        var version: Int
        var minor: Bool
        var summary: String
        var hasTable: Bool
        var table: String
    }

    var summary: String
    var navigation: String
    var toggleLink: String
    var toggleLabel: String
    var feedLink: String
    var changes: [Row]

    init(_ entries: [ChangeEntry], total: Int, pager: ChangesPager) {
        let kind = pager.includeMinor ? "changes, minor ones included" : "changes"
        summary = total == 0
            ? "No changes yet: every indexed document is in its first version."
            : "\(total) \(kind) to indexed documents, newest first: each version against the one before it."
        navigation = pager.navigation
        toggleLink = pager.toggle
        toggleLabel = pager.includeMinor ? "Hide minor changes" : "Show minor changes (whitespace, timestamps)"
        feedLink = pager.feed
        changes = entries.map { entry in
            Row(title: entry.title, historyLink: entry.historyPath, diffLink: entry.diffPath, url: entry.change.url,
                when: Self.when(entry.change), oldVersion: entry.change.version - 1, version: entry.change.version,
                minor: entry.change.minor, summary: entry.summary, hasTable: entry.table != nil, table: entry.table ?? "")
        }
    }

    /// "fetched 2026-03-02 10:15 UTC", or the version's own date.
    static func when(_ change: StoredChange) -> String {
        guard let fetched = change.fetched else { return change.date.map { "dated \($0)" } ?? "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return "fetched " + formatter.string(from: Date(timeIntervalSince1970: fetched))
    }
}
