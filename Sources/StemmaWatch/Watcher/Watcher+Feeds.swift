import StemmaStore
import StemmaWeb
import Foundation

extension Watcher {
    /// Reads feeds, at most ``WatchOptions/concurrency`` at once; returns how many pages were new.
    func read(_ feeds: [WatchedFeed]) async throws -> Int {
        var added = 0
        try await forEach(feeds, { feed in try await self.read(feed) }, take: { added += $0 })
        return added
    }

    private func read(_ feed: WatchedFeed) async throws -> Int {
        let now = clock.now()
        var state = feed
        state.lastCheck = now
        var log = FetchLogEntry(url: feed.url, time: now, outcome: .feed)
        var listed: [String] = []
        switch await fetcher.get(feed.url, etag: feed.etag, lastModified: feed.lastModified, accept: Self.feedTypes) {
        case .success(let response) where response.status == 304:
            log.outcome = .notModified
            log.status = 304
            state.failures = 0
        case .success(let response) where (200...299).contains(response.status):
            log.status = response.status
            log.bytes = response.body.count
            do {
                let parsed = try FeedReader.read(response.body, url: response.url, charset: Self.charset(of: response))
                state.title = parsed.title
                state.etag = response.header("ETag")
                state.lastModified = response.header("Last-Modified")
                state.failures = 0
                log.etag = state.etag
                if parsed.kind == .sitemapIndex {
                    // The sitemaps it lists are read as feeds of their own, from this pass on.
                    try store.watch(feeds: parsed.entries.map(\.url), pages: [], at: now)
                } else {
                    listed = parsed.entries.map(\.url)
                }
                log.message = "\(parsed.entries.count) entries"
            } catch {
                log.outcome = .failed
                log.message = "\(error)"
                state.failures += 1
            }
        case .success(let response):
            log.outcome = .failed
            log.status = response.status
            log.message = "HTTP \(response.status)"
            state.failures += 1
        case .failure(let failure):
            log.outcome = failure.disallowed ? .disallowed : .failed
            log.status = failure.status
            log.message = failure.reason
            state.failures += 1
        }
        state.lastStatus = log.status
        state.nextCheck = now + options.feedInterval * Double(1 << min(state.failures, 6))
        log.nextCheck = state.nextCheck
        log.failures = state.failures
        if log.outcome == .failed || log.outcome == .disallowed {
            await announce(.failure(url: feed.url, date: now.iso8601, message: log.message ?? "failed"))
        }
        return try store.record(feed: state, log: log, listing: listed)
    }

    static let feedTypes = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"

    /// The `charset` parameter of the response's `Content-Type`, read as pages' are.
    static func charset(of response: FetchedResponse) -> String? {
        response.header("Content-Type").flatMap(HTMLCharset.charsetLabel(inContentType:))
    }

    /// Runs `body` on each element, at most ``WatchOptions/concurrency`` at once, handing each
    /// result to `take` as it comes; starts no new one once the watcher is stopping.
    func forEach<Element: Sendable, Result: Sendable>(_ elements: [Element], _ body: @escaping @Sendable (Element) async throws -> Result,
                                                      take: (Result) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Result.self) { group in
            var next = 0
            func startNext() {
                guard next < elements.count, !stopping.isSet else { return }
                let element = elements[next]
                next += 1
                group.addTask { try await body(element) }
            }
            for _ in 0..<options.concurrency { startNext() }
            while let result = try await group.next() {
                try await take(result)
                startNext()
            }
        }
    }
}
