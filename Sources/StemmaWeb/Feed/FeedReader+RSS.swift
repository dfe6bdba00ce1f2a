extension FeedReader {
    /// RSS 0.9x and 2.0: `<rss><channel>`, items in the channel (or, in some 0.9x feeds,
    /// beside it).
    static func rss(_ root: FeedNode, channel: FeedNode? = nil) -> Feed {
        let channel = channel ?? root.child("channel", where: FeedNamespace.isRSS) ?? root
        var items = channel.children("item", where: FeedNamespace.isRSS)
        if channel.pointer != root.pointer { items += root.children("item", where: FeedNamespace.isRSS) }
        return Feed(kind: .rss, title: title(of: channel), link: link(of: channel), entries: items.map(rssEntry))
    }

    /// RSS 1.0 and 0.90: `<rdf:RDF>` with the channel and its items side by side.
    static func rdf(_ root: FeedNode) -> Feed {
        let channel = root.child("channel", where: FeedNamespace.isRSS)
        let items = root.children("item", where: FeedNamespace.isRSS)
            + (channel?.children("item", where: FeedNamespace.isRSS) ?? [])
        return Feed(kind: .rdf, title: channel.flatMap { title(of: $0) }, link: channel.flatMap { link(of: $0) }, entries: items.map(rssEntry))
    }

    private static func title(of channel: FeedNode) -> String? {
        let node = channel.child("title", where: FeedNamespace.isRSS) ?? channel.child("title", where: FeedNamespace.isDC)
        return node.flatMap { FeedText.plain(fromHTML: $0.text) }
    }

    private static func link(of channel: FeedNode) -> String? {
        let links = channel.children("link", where: FeedNamespace.isRSS).map { ($0, $0.text) }
        if let url = webURL(links + atomLinks(channel)) { return url }
        return value(channel.child("link", where: FeedNamespace.isRSS))
    }

    /// An item's link: `<link>`, else an `atom:link`, else a `guid` that is a permalink or an
    /// http(s) URL, else RSS 1.0's `rdf:about`. Enclosures are media, not articles, and count not.
    static func rssEntry(_ item: FeedNode) -> FeedEntry {
        let guid = item.child("guid", where: FeedNamespace.isRSS)
        let about = item.attribute("about")
        var candidates = item.children("link", where: FeedNamespace.isRSS).map { (node: $0, reference: $0.text) }
        candidates += atomLinks(item)
        if let guid, let text = value(guid) {
            let isPermaLink = guid.attribute("isPermaLink")?.lowercased() == "true"
            if isPermaLink || FeedURL.isWeb(text) { candidates.append((guid, text)) }
        }
        if let about { candidates.append((item, about)) }
        let titleNode = item.child("title", where: FeedNamespace.isRSS) ?? item.child("title", where: FeedNamespace.isDC)
            ?? item.child("title", where: FeedNamespace.isMediaRSS)
        let dcDate = item.child("date", where: FeedNamespace.isDC)
        return FeedEntry(
            url: webURL(candidates) ?? "",
            id: value(guid) ?? about.flatMap { FeedURL.trimmed($0).isEmpty ? nil : FeedURL.trimmed($0) },
            title: titleNode.flatMap { FeedText.plain(fromHTML: $0.text) },
            // dc:date is the only date of most RSS 1.0 feeds: publication where nothing says
            // otherwise, and an update too.
            published: date(
                item.child("pubDate", where: FeedNamespace.isRSS), item.child("issued", where: FeedNamespace.isDCTerms),
                item.child("published", where: FeedNamespace.isAtomExtension), dcDate),
            updated: date(
                item.child("updated", where: FeedNamespace.isAtomExtension),
                item.child("modified", where: FeedNamespace.isDCTerms), dcDate)
        )
    }

    /// `atom:link`s inside RSS that point at the page (rel alternate or none).
    private static func atomLinks(_ node: FeedNode) -> [(node: FeedNode, reference: String)] {
        node.children("link", where: FeedNamespace.isAtomExtension).compactMap { link in
            let rel = link.attribute("rel") ?? "alternate"
            guard rel == "alternate", let href = link.attribute("href") else { return nil }
            return (link, href)
        }
    }
}
