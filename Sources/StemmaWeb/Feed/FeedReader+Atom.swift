extension FeedReader {
    /// Atom 1.0 (RFC 4287) and 0.3: `<feed>` with `<entry>` children.
    static func atom(_ root: FeedNode) -> Feed {
        // A `<feed>` in another namespace (an Atom draft's, a vendor's) reads as Atom too.
        let rootNamespace = root.namespace
        let isAtom = { (namespace: String?) in FeedNamespace.isAtom(namespace) || namespace == rootNamespace }
        let entries = root.children("entry", where: isAtom).map { atomEntry($0, isAtom) }
        return Feed(kind: .atom, title: atomText(root.child("title", where: isAtom)),
            link: alternate(in: root, isAtom), entries: entries)
    }

    private static func atomEntry(_ entry: FeedNode, _ isAtom: @escaping (String?) -> Bool) -> FeedEntry {
        let child = { (name: String) in entry.child(name, where: isAtom) }
        return FeedEntry(
            url: alternate(in: entry, isAtom) ?? "",
            id: value(child("id")),
            title: atomText(child("title")),
            // 0.3 says issued and modified; created is its nearest to a publication date.
            published: date(child("published"), child("issued"), child("created")),
            updated: date(child("updated"), child("modified"))
        )
    }

    /// The page an element links to: its first `link` with rel `alternate` (the default)
    /// whose type is HTML or unstated, else its first alternate link of any type.
    private static func alternate(in node: FeedNode, _ isAtom: (String?) -> Bool) -> String? {
        let alternates = node.children("link", where: isAtom).filter {
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
