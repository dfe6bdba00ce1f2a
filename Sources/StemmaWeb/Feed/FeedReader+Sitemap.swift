extension FeedReader {
    /// A sitemap (sitemaps.org 0.9): `<urlset><url><loc>`, with `lastmod`, and the Google News
    /// extension's `news:news/news:publication_date` and `news:title`.
    static func sitemap(_ root: FeedNode) -> Feed {
        let entries = root.children("url", where: FeedNamespace.isAny).map { url -> FeedEntry in
            let address = url.child("loc", where: FeedNamespace.isAny).flatMap { webURL([($0, $0.text)]) } ?? ""
            // Match the news extension by local name: sites misspell its namespace URI.
            let news = url.child("news", where: FeedNamespace.isAny)
            return FeedEntry(
                url: address,
                title: news?.child("title", where: FeedNamespace.isAny).flatMap { FeedText.plain(fromHTML: $0.text) },
                published: date(news?.child("publication_date", where: FeedNamespace.isAny)),
                updated: date(url.child("lastmod", where: FeedNamespace.isAny))
            )
        }
        return Feed(kind: .sitemap, entries: entries)
    }

    /// A sitemap index: `<sitemapindex><sitemap><loc>`, each entry a sitemap to read.
    static func sitemapIndex(_ root: FeedNode) -> Feed {
        let entries = root.children("sitemap", where: FeedNamespace.isAny).map { sitemap -> FeedEntry in
            let address = sitemap.child("loc", where: FeedNamespace.isAny).flatMap { webURL([($0, $0.text)]) } ?? ""
            return FeedEntry(url: address, updated: date(sitemap.child("lastmod", where: FeedNamespace.isAny)))
        }
        return Feed(kind: .sitemapIndex, entries: entries)
    }

    /// CDF (Microsoft's Channel Definition Format, 1997): `<CHANNEL HREF>` with `<ITEM HREF>`
    /// children, `<TITLE>` elements and `LASTMOD` attributes; names in any case.
    static func cdf(_ root: FeedNode) -> Feed {
        func child(_ node: FeedNode, _ name: String) -> FeedNode? {
            node.elements.first { $0.localName.lowercased() == name }
        }
        let items = root.elements.filter { $0.localName.lowercased() == "item" }.map { item -> FeedEntry in
            let url = item.attribute("href", caseInsensitive: true).flatMap { webURL([(item, $0)]) } ?? ""
            let modified = item.attribute("lastmod", caseInsensitive: true).flatMap(FeedDate.iso)
            return FeedEntry(url: url, title: child(item, "title").flatMap { FeedText.plain(fromHTML: $0.text) }, updated: modified)
        }
        let link = root.attribute("href", caseInsensitive: true).flatMap { webURL([(root, $0)]) }
        return Feed(kind: .cdf, title: child(root, "title").flatMap { FeedText.plain(fromHTML: $0.text) }, link: link,
            entries: items)
    }
}
