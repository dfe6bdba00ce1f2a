import StemmaCore
import StemmaIO
import StemmaStore

/// The page of a long families listing on the web: links to the previous and next pages, which
/// keep the request's filters.
struct FamiliesPager {
    let filter: FamilyFilter
    let window: QueryWindow
    let page: ListPage<IndexFamily>

    /// Nothing when every family is on this page; otherwise which are shown, with links.
    var navigation: String {
        guard page.items.count < page.total else { return "" }
        let shown = page.items.isEmpty ? "none" : "\(window.offset + 1)–\(window.offset + page.items.count)"
        var parts = ["families \(shown) of \(page.total)"]
        if window.offset > 0 {
            parts.append("<a rel=\"prev\" href=\"\(HTML.escape(link(offset: max(0, window.offset - window.limit))))\">previous</a>")
        }
        if window.offset + window.limit < page.total {
            parts.append("<a rel=\"next\" href=\"\(HTML.escape(link(offset: window.offset + window.limit)))\">next</a>")
        }
        return "<nav class=\"pages\"><p>" + parts.joined(separator: " · ") + "</p></nav>\n"
    }

    func link(offset: Int) -> String {
        var query = ["limit=\(window.limit)", "offset=\(offset)"]
        if let since = filter.dates?.since { query.append("since=\(URLQuery.encode(since))") }
        if let until = filter.dates?.until { query.append("until=\(URLQuery.encode(until))") }
        if let source = filter.source { query.append("source=\(URLQuery.encode(source))") }
        return "/families?" + query.joined(separator: "&")
    }
}
