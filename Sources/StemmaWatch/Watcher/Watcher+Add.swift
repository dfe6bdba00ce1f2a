import StemmaStore
import StemmaWeb

extension Watcher {
    /// Starts watching URLs the store does not watch yet, each as a feed when it reads as one
    /// (RSS, Atom, a sitemap) and as a page otherwise; a URL that cannot be fetched now is
    /// watched as a page, and its checks say why it fails.
    ///
    /// - Returns: how many new feeds and pages.
    public func add(_ urls: [String]) async throws -> (feeds: Int, pages: Int) {
        let now = clock.now()
        var feeds: [String] = [], pages: [String] = []
        let new = try Set(urls).sorted().filter { try !store.isWatched($0) }
        try await forEach(new, { url in (url, await self.readsAsFeed(url)) }, take: { url, isFeed in
            if isFeed { feeds.append(url) } else { pages.append(url) }
        })
        try store.watch(feeds: feeds, pages: pages, at: now)
        return (feeds.count, pages.count)
    }

    private func readsAsFeed(_ url: String) async -> Bool {
        guard case .success(let response) = await fetcher.get(url, accept: Self.feedTypes), (200...299).contains(response.status) else {
            return false
        }
        return (try? FeedReader.read(response.body, url: response.url, charset: Self.charset(of: response))) != nil
    }
}
