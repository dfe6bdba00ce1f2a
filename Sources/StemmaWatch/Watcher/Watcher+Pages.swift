import StemmaCore
import StemmaIO
import StemmaStore
import StemmaWeb
import Foundation

extension Watcher {
    /// A page's check, ready to record, and what to announce once it is recorded.
    struct Inspection: Sendable {
        var check: PageCheck
        var event: WatchEvent?
    }

    /// Checks pages, recording them ``WatchOptions/checksPerCommit`` at a time and announcing
    /// each version once its transaction is committed.
    func check(_ pages: [WatchedPage], tally: inout PassTally) async throws {
        var pending: [Inspection] = []
        var counts = tally
        func flush() async throws {
            guard !pending.isEmpty else { return }
            let outcomes = try store.record(pending.map(\.check))
            var next = outcomes.makeIterator()
            for inspection in pending {
                counts.checked += 1
                switch inspection.check.log.outcome {
                case .version: counts.versions += 1
                case .unchanged, .notModified: counts.unchanged += 1
                default: counts.failed += 1
                }
                guard var event = inspection.event else { continue }
                if inspection.check.version != nil {
                    switch next.next() {
                    case .added?: event.version = 1
                    case .newVersion(let number)?: event.version = number
                    case .unchanged?, nil: continue  // stored already by an earlier, interrupted run
                    }
                    if event.minor, !options.announcesMinor { continue }
                }
                await announce(event)
            }
            pending.removeAll(keepingCapacity: true)
        }
        try await forEach(pages, { page in await self.inspect(page) }, take: { inspection in
            pending.append(inspection)
            if pending.count >= options.checksPerCommit { try await flush() }
        })
        try await flush()
        tally = counts
    }

    /// Fetches a page and judges what it now holds.
    func inspect(_ page: WatchedPage) async -> Inspection {
        let now = clock.now()
        var state = page
        state.lastCheck = now
        let lastChange = page.lastChange ?? page.firstSeen
        var log = FetchLogEntry(url: page.url, time: now, outcome: .failed)
        func failed(_ message: String, status: Int?, retryAfter: Double? = nil, disallowed: Bool = false) -> Inspection {
            state.failures += 1
            state.lastStatus = status
            state.nextCheck = options.schedule.nextCheck(afterFailure: state.failures, now: now, lastChange: lastChange, retryAfter: retryAfter)
            log.outcome = disallowed ? .disallowed : .failed
            log.status = status
            log.message = message
            log.nextCheck = state.nextCheck
            log.failures = state.failures
            var event = WatchEvent.failure(url: page.url, date: now.iso8601, message: message)
            event.id = page.documentID
            return Inspection(check: PageCheck(page: state, log: log), event: event)
        }
        let response: FetchedResponse
        switch await fetcher.get(page.url, etag: page.etag, lastModified: page.lastModified) {
        case .failure(let failure):
            return failed(failure.reason, status: failure.status, retryAfter: failure.retryAfter, disallowed: failure.disallowed)
        case .success(let fetched):
            response = fetched
        }
        log.status = response.status
        log.bytes = response.body.count
        state.lastStatus = response.status
        func checked(_ outcome: FetchLogEntry.Outcome, changed: Bool) {
            state.failures = 0
            if changed { state.lastChange = now }
            state.nextCheck = options.schedule.nextCheck(now: now, lastChange: changed ? now : lastChange)
            log.outcome = outcome
            log.nextCheck = state.nextCheck
            log.failures = 0
        }
        if response.status == 304 {
            checked(.notModified, changed: false)
            return Inspection(check: PageCheck(page: state, log: log))
        }
        guard (200...299).contains(response.status) else { return failed("HTTP \(response.status)", status: response.status) }
        guard Self.isHTML(response) else {
            return failed("not an HTML page: \(response.mediaType ?? "no Content-Type")", status: response.status)
        }
        let read: WebPage
        do {
            read = try WatchedText.page(html: response.body, contentType: response.header("Content-Type"), url: response.url)
        } catch {
            return failed("\(error)", status: response.status)
        }
        let documentID = page.documentID ?? Self.documentID(of: read, fetchedFrom: response.url)
        let text = WatchedText.of(read)
        let previous: [UInt8]?
        do {
            previous = try store.version(of: documentID)?.text.map { Array($0.utf8) }
        } catch {
            return failed("the stored version could not be read: \(error)", status: response.status)
        }
        if let previous, previous == text {
            state.documentID = documentID
            state.etag = response.header("ETag")
            state.lastModified = response.header("Last-Modified")
            checked(.unchanged, changed: false)
            return Inspection(check: PageCheck(page: state, log: log))
        }
        if let reason = JunkCheck.reason(read, previousWords: previous.map(JunkCheck.wordCount)) {
            return failed(reason, status: response.status)
        }
        let minor = previous.map { MinorChange.isMinor(old: $0, new: text) } ?? false
        state.documentID = documentID
        // Validators are kept only with the version they describe, so a 304 never hides a
        // version that was refused as junk.
        state.etag = response.header("ETag")
        state.lastModified = response.header("Last-Modified")
        checked(.version, changed: !minor)
        if minor { state.lastChange = page.lastChange ?? now }
        log.etag = state.etag
        log.message = minor ? "minor change" : nil
        let fetched = now.iso8601
        let document = Document(id: documentID, text: text, title: read.title, date: fetched, url: documentID,
                                source: URL(string: response.url)?.host, extra: Self.extras(of: read))
        let capture = Capture(url: response.url, fetched: now, status: response.status, headers: response.headers, body: response.body,
                              minor: minor)
        var event = WatchEvent(kind: .version, url: response.url, date: fetched)
        event.id = documentID
        event.title = read.title
        event.minor = minor
        event.summary = previous.map { DiffSummary(VersionDiff(oldBytes: $0, newBytes: text)) }
        return Inspection(check: PageCheck(page: state, log: log, version: (document, capture)), event: event)
    }

    static func isHTML(_ response: FetchedResponse) -> Bool {
        guard let type = response.mediaType else { return true }  // sniffed by the parser, as browsers do
        return type == "text/html" || type == "application/xhtml+xml" || type == "text/plain" && response.body.starts(with: Array("<".utf8))
    }

    /// The page's canonical URL when it is on the host the page came from (a canonical link to
    /// another site, or to the home page, is too often wrong), else the URL it was fetched at.
    static func documentID(of page: WebPage, fetchedFrom url: String) -> String {
        guard let canonical = page.url, let canonicalURL = URL(string: canonical), let fetchedURL = URL(string: url),
            canonicalURL.host == fetchedURL.host, canonicalURL.path.count > 1 || fetchedURL.path.count <= 1
        else { return url }
        return canonical
    }

    static func extras(of page: WebPage) -> [Document.Member] {
        var members: [Document.Member] = []
        if let published = page.published { members.append(Document.Member(key: "published", json: Array(JSONValue.string(published).serialized(pretty: false).utf8))) }
        if let byline = page.byline { members.append(Document.Member(key: "byline", json: Array(JSONValue.string(byline).serialized(pretty: false).utf8))) }
        return members
    }
}
