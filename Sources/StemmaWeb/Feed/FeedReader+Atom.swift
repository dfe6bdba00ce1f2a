extension FeedReader {
    /// Atom 1.0 (RFC 4287) and 0.3: `<feed>` with `<entry>` children.
    static func atom(_ root: FeedNode) -> Feed {
        let entries = root.children("entry", where: FeedNamespace.isAtom).map(atomEntry)
        return Feed(kind: .atom, title: atomText(root.child("title", where: FeedNamespace.isAtom)),
            link: alternate(in: root), entries: distinct(entries))
    }

    private static func atomEntry(_ entry: FeedNode) -> FeedEntry? {
        guard let url = alternate(in: entry) else { return nil }
        let child = { (name: String) in entry.child(name, where: FeedNamespace.isAtom) }
        return FeedEntry(
            url: url,
            id: value(child("id")),
            title: atomText(child("title")),
            // 0.3 says issued and modified; created is its nearest to a publication date.
            published: date(child("published"), child("issued"), child("created")),
            updated: date(child("updated"), child("modified"))
        )
    }

    /// The page an element links to: its first `link` with rel `alternate` (the default)
    /// whose type is HTML or unstated, else its first alternate link of any type.
    private static func alternate(in node: FeedNode) -> String? {
        let alternates = node.children("link", where: FeedNamespace.isAtom).filter {
            FeedURL.trimmed($0.attribute("rel") ?? "alternate").lowercased() == "alternate"
        }
        let html = alternates.filter { link in
            let type = link.attribute("type")?.lowercased()
            return type == nil || type?.contains("html") == true
        }
        return webURL((html + alternates).compactMap { link in link.attribute("href").map { (link, $0) } })
    }

    /// Plain text of an Atom text construct: `type="html"` (0.3: `text/html`, or
    /// `mode="escaped"`) holds escaped markup; `xhtml` and `text` are text once parsed.
    private static func atomText(_ node: FeedNode?) -> String? {
        guard let node else { return nil }
        let type = node.attribute("type")?.lowercased()
        let isHTML = type == "html" || type == "text/html" || node.attribute("mode")?.lowercased() == "escaped"
        return isHTML ? FeedText.plain(fromHTML: node.text) : FeedText.plain(node.text)
    }
}
