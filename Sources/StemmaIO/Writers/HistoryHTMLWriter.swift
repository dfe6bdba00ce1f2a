public import StemmaCore

/// Renders a family's history as one self-contained HTML page: a timeline of its versions by date,
/// each with the version it derives from and what changed, and the version tree those links make.
/// No script and no external assets; every id and date is escaped.
///
/// ```swift
/// let html = HistoryHTMLWriter().render(try store.history(of: "wt-2022-03-02")!, family: "wt-2022-03-02")
/// ```
public struct HistoryHTMLWriter: Sendable {
    /// Where a page links its versions to, when a server can show them; a file on disk links nowhere.
    public struct Links: Sendable {
        /// The address of one version's text.
        public var version: @Sendable (HistoryEntry) -> String
        /// The address of the diff from a version's parent (first argument) to the version.
        public var diff: @Sendable (HistoryEntry, HistoryEntry) -> String

        public init(version: @escaping @Sendable (HistoryEntry) -> String,
                    diff: @escaping @Sendable (HistoryEntry, HistoryEntry) -> String) {
            self.version = version
            self.diff = diff
        }
    }

    public var title: String
    public var links: Links?

    public init(title: String = "Stemma history", links: Links? = nil) {
        self.title = title
        self.links = links
    }

    /// The whole page: head with the stylesheet, then ``fragment(_:family:)``.
    public func render(_ entries: [HistoryEntry], family: String) -> String {
        HTML.page(title: "\(title): \(family)", stylesheet: Self.stylesheet, body: fragment(entries, family: family))
    }

    /// The summary, the timeline and the version tree, for a page that brings its own head and
    /// ``stylesheet`` (`stemma serve`).
    public func fragment(_ entries: [HistoryEntry], family: String) -> String {
        var html = """
        <header class="history">
        <h1>History of \(HTML.escape(family))</h1>
        <p class="summary">\(HTML.escape(summary(entries)))</p>
        </header>
        <section class="timeline">
        <h2>Timeline</h2>
        <ol class="timeline">

        """
        for index in entries.indices {
            html += timelineItem(index, in: entries)
        }
        html += "</ol>\n</section>\n<section class=\"tree\">\n<h2>Version tree</h2>\n"
        html += "<p class=\"note\">Each version hangs under the earlier version it most likely derives from: the nearest by edit distance.</p>\n"
        html += tree(entries)
        html += "</section>\n"
        return html
    }

    /// "4 versions of 3 documents · 2022-03-02 – 2022-03-05 · 1 date inferred".
    func summary(_ entries: [HistoryEntry]) -> String {
        let documents = Set(entries.map(\.documentID)).count
        var parts = ["\(entries.count) version\(entries.count == 1 ? "" : "s") of \(documents) document\(documents == 1 ? "" : "s")"]
        let dates = entries.compactMap(\.date)
        if let first = dates.min(), let last = dates.max() {
            parts.append(first == last ? first : "\(first) – \(last)")
        }
        let undated = entries.count - dates.count
        if undated > 0 { parts.append("\(undated) date\(undated == 1 ? "" : "s") inferred from the order of indexing") }
        return parts.joined(separator: " · ")
    }

    /// One version's name: its place in the history, its id and version number.
    func label(_ index: Int, in entries: [HistoryEntry]) -> String {
        "\(index + 1). \(entries[index].documentID) v\(entries[index].version)"
    }

    func timelineItem(_ index: Int, in entries: [HistoryEntry]) -> String {
        let entry = entries[index]
        let when = entry.date.map { "<time class=\"when\">\(HTML.escape($0))</time>" } ?? "<span class=\"when unknown\">date unknown</span>"
        var name = HTML.escape(label(index, in: entries))
        if let links { name = "<a href=\"\(HTML.escape(links.version(entry)))\">\(name)</a>" }
        var html = "<li class=\"version\" id=\"v\(index + 1)\">\(when) <span class=\"name\">\(name)</span>"
        if let parent = entry.parent, entries.indices.contains(parent) {
            html += "\n<div class=\"parent\">derives from <a href=\"#v\(parent + 1)\">\(HTML.escape(label(parent, in: entries)))</a>"
            if let edited = entry.editedBytes { html += " · \(edited) bytes edited" }
            if let links { html += " · <a href=\"\(HTML.escape(links.diff(entries[parent], entry)))\">diff</a>" }
            html += "</div>\n" + changes(entry)
        } else {
            html += "\n<div class=\"parent\">the earliest version</div>\n"
        }
        return html + "</li>\n"
    }

    /// Operation counts and tags of the diff from the parent.
    func changes(_ entry: HistoryEntry) -> String {
        let counts = DiffOperation.Kind.allCases.compactMap { kind in
            entry.changes[kind].map { "<span class=\"op \(kind.rawValue)\">\($0) \(kind.rawValue)</span>" }
        }
        let tags = ChangeTag.allCases.compactMap { tag in
            entry.tags[tag].map { "<span class=\"tag\">\(HTML.escape(tag.rawValue)) ×\($0)</span>" }
        }
        guard !counts.isEmpty || !tags.isEmpty else { return "" }
        return "<div class=\"changes\">" + (counts + tags).joined(separator: " ") + "</div>\n"
    }

    /// Nested lists from the parent links. Parents always come earlier, so one pass builds the
    /// children lists; versions whose parent is missing become roots.
    func tree(_ entries: [HistoryEntry]) -> String {
        var children = [[Int]](repeating: [], count: entries.count)
        var roots: [Int] = []
        for (index, entry) in entries.enumerated() {
            if let parent = entry.parent, parent < index, parent >= 0 {
                children[parent].append(index)
            } else {
                roots.append(index)
            }
        }
        // Iterative, so that a long chain of versions cannot exhaust the stack.
        var html = "<ul class=\"tree\">\n"
        var stack: [(index: Int, closing: Bool)] = roots.reversed().map { ($0, false) }
        while let (index, closing) = stack.popLast() {
            if closing {
                html += "</ul></li>\n"
                continue
            }
            let entry = entries[index]
            let date = entry.date.map { " <time>\(HTML.escape($0))</time>" } ?? ""
            html += "<li><a href=\"#v\(index + 1)\">\(HTML.escape(label(index, in: entries)))</a>\(date)"
            if children[index].isEmpty {
                html += "</li>\n"
            } else {
                html += "\n<ul>\n"
                stack.append((index, true))
                stack.append(contentsOf: children[index].reversed().map { ($0, false) })
            }
        }
        return html + "</ul>\n"
    }

    /// The page's CSS: a vertical timeline with a dot per version, and an indented tree.
    public static let stylesheet = """
    body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1000px;padding:1rem;color:#1d1d1f;background:#fff}\
    h1{font-size:1.3rem;margin:.2rem 0}h2{font-size:1.05rem;margin:1.5rem 0 .5rem}.summary,.note{color:#555;font-size:.9rem}\
    ol.timeline{list-style:none;margin:0;padding:0 0 0 1.4rem;border-left:3px solid #c9d3e6}\
    ol.timeline li.version{position:relative;margin:0 0 1rem;padding:.1rem 0 0 .4rem}\
    ol.timeline li.version::before{content:"";position:absolute;left:-1.98rem;top:.45rem;width:.8rem;height:.8rem;\
    border-radius:50%;background:#3d6fb6;border:2px solid #fff}\
    ol.timeline li.version:target{background:#fffbe6}\
    .when{display:inline-block;min-width:6.5rem;font-weight:600;color:#3d6fb6}.when.unknown{color:#999;font-style:italic}\
    .name{font-family:ui-monospace,monospace}.parent{color:#444;font-size:.9rem}\
    .changes{font-size:.8rem;margin-top:.2rem}\
    .changes span{display:inline-block;border-radius:3px;padding:0 .35rem;margin:.1rem .2rem .1rem 0;background:#f1f1f4}\
    .op.edited{background:#fff3c4}.op.added{background:#ccf2d4}.op.deleted{background:#ffd7d5}\
    .op.moved{background:#eadcff}.op.split,.op.merged{background:#dbe6ff}\
    ul.tree,ul.tree ul{list-style:none;margin:0;padding-left:1.2rem}ul.tree{padding-left:0}\
    ul.tree li{position:relative;padding-left:.9rem;font-family:ui-monospace,monospace;font-size:.9rem}\
    ul.tree li::before{content:"";position:absolute;left:0;top:.7rem;width:.6rem;border-top:1px solid #999}\
    ul.tree ul{border-left:1px solid #999;margin-left:.3rem}ul.tree time{color:#666;font-family:system-ui,sans-serif}\
    a{color:#2456a4}
    """
}
