import StemmaCore
import StemmaIO
import StemmaStore

/// The page of a long history on the web: which versions it shows, and links to the newer and
/// older pages.
struct HistoryPager {
    let id: String
    let window: QueryWindow
    let page: Store.HistoryPage

    /// The entries with parents counted in the page, as ``HistoryHTMLWriter`` reads them. A
    /// parent on an older page has no place here and is dropped (the writer then shows the
    /// version as a root); the note in ``navigation`` says so.
    var entries: [HistoryEntry] {
        page.entries.map { entry in
            var entry = entry
            entry.parent = entry.parent.flatMap { $0 >= page.start ? $0 - page.start : nil }
            return entry
        }
    }

    /// Nothing for a history that fits on one page; otherwise which versions are shown, with links.
    var navigation: String {
        guard page.start > 0 || window.offset > 0 else { return "" }
        let first = page.start + 1, last = page.start + page.entries.count
        var parts = ["versions \(first)–\(last) of \(page.total), numbered 1–\(page.entries.count) on this page"]
        if window.offset > 0 {
            parts.append("<a href=\"\(HTML.escape(link(offset: max(0, window.offset - window.limit))))\">newer</a>")
        }
        if page.start > 0 {
            parts.append("<a href=\"\(HTML.escape(link(offset: window.offset + window.limit)))\">older</a>")
        }
        return "<nav class=\"pages\"><p>" + parts.joined(separator: " · ")
            + "</p><p class=\"note\">A version whose parent is on an older page is shown as a root.</p></nav>\n"
    }

    func link(offset: Int) -> String {
        "/history?id=\(URLQuery.encode(id))&limit=\(window.limit)&offset=\(offset)"
    }
}
