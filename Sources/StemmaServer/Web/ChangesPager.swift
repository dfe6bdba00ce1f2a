import StemmaIO

/// The page of the recent changes on the web: links to newer and older pages, and to the same
/// changes with or without the minor ones, which keep the request's window.
struct ChangesPager {
    let window: QueryWindow
    let includeMinor: Bool
    let total: Int
    let shown: Int

    /// Nothing when every change is on this page; otherwise which are shown, with links.
    var navigation: String {
        guard shown < total else { return "" }
        let range = shown == 0 ? "none" : "\(window.offset + 1)–\(window.offset + shown)"
        var parts = ["changes \(range) of \(total)"]
        if window.offset > 0 {
            parts.append("<a rel=\"prev\" href=\"\(HTML.escape(link(offset: max(0, window.offset - window.limit))))\">newer</a>")
        }
        if window.offset + window.limit < total {
            parts.append("<a rel=\"next\" href=\"\(HTML.escape(link(offset: window.offset + window.limit)))\">older</a>")
        }
        return "<nav class=\"pages\"><p>" + parts.joined(separator: " · ") + "</p></nav>\n"
    }

    func link(offset: Int, minor: Bool? = nil, path: String = "/changes") -> String {
        var query = ["limit=\(window.limit)", "offset=\(offset)"]
        if minor ?? includeMinor { query.append("minor=1") }
        return path + "?" + query.joined(separator: "&")
    }

    /// The other view: with the minor changes when they are hidden, without when shown.
    var toggle: String { link(offset: 0, minor: !includeMinor) }

    /// The feed of the same changes.
    var feed: String { includeMinor ? "/changes.atom?minor=1" : "/changes.atom" }
}
