public import StemmaCore
public import StemmaStore
public import StemmaWeb

/// Reads the stored versions of watched pages again from the responses they were read from
/// (`stemma index reextract`): after an extractor improves, every version reads as a new fetch
/// would read it, and the history shows the page's changes rather than the old extractor's.
///
/// ```swift
/// let reextractor = Reextractor(store: store)
/// if let plan = try reextractor.plan("https://example.com/a"), plan.changesHistory {
///     try reextractor.apply(plan)
/// }
/// ```
public struct Reextractor: Sendable {
    public typealias Read = @Sendable (Capture) throws -> WebPage

    let store: Store
    let read: Read

    /// - Parameter read: reads a capture as a page; by default as `stemma watch` reads a fetch.
    public init(store: Store, read: @escaping Read = Reextractor.readAsWatched) {
        self.store = store
        self.read = read
    }

    /// Reads a capture as `stemma watch` reads the response it was fetched as.
    public static func readAsWatched(_ capture: Capture) throws -> WebPage {
        try WatchedText.page(html: capture.body, contentType: capture.headers.first(named: "Content-Type"), url: capture.url)
    }

    /// What reading `documentID`'s captures again gives; nil when the store does not hold it.
    ///
    /// - Throws: ``ReextractionError/noText(documentID:version:)`` when a version can be read
    ///   neither from a capture nor from its stored text; the store's errors.
    public func plan(_ documentID: String) throws -> Reextraction? {
        guard let latest = try store.version(of: documentID) else { return nil }
        var plan = Reextraction(documentID: documentID, versionsBefore: latest.latestVersion, changed: [], kept: [], versionsAfter: 0,
                                versions: [])
        var previous: [UInt8]?
        for number in 1...latest.latestVersion {
            // The latest version was read already.
            guard let stored = number == latest.version ? latest : try store.version(of: documentID, number: number) else { continue }
            let storedText = stored.text.map { Array($0.utf8) }
            var document = Document(id: documentID, text: [], title: number == 1 ? latest.title : nil, date: stored.date,
                                    url: latest.url, source: latest.source)
            let reading = try store.capture(documentID: documentID, version: number).map { reread($0, storedText: storedText) }
            if case .success(let page)? = reading {
                document.text = WatchedText.of(page)
                document.title = page.title ?? document.title
                document.extra = Watcher.extras(of: page)
                if document.text != storedText { plan.changed.append(number) }
            } else if let storedText {
                document.text = storedText
                if case .failure(let junk)? = reading { plan.kept.append(Reextraction.Kept(version: number, reason: junk.reason)) }
            } else {
                throw ReextractionError.noText(documentID: documentID, version: number)
            }
            if document.text != previous { plan.versionsAfter += 1 }
            previous = document.text
            plan.versions.append(RereadVersion(document: document, replacing: number))
        }
        return plan
    }

    /// Why a capture does not read as an article now.
    struct Junk: Error {
        var reason: String
    }

    /// The capture read as a page, unless it is junk: an unreadable page, or one ``JunkCheck``
    /// refuses, measured against the text stored from the same capture.
    func reread(_ capture: Capture, storedText: [UInt8]?) -> Result<WebPage, Junk> {
        let page: WebPage
        do {
            page = try read(capture)
        } catch {
            return .failure(Junk(reason: "an unreadable page (\(error))"))
        }
        if let reason = JunkCheck.reason(page, previousWords: storedText.map(JunkCheck.wordCount)) { return .failure(Junk(reason: reason)) }
        return .success(page)
    }

    /// Stores the plan's versions in place of the document's, in one transaction (see
    /// ``Store/reread(_:)``); a plan that changes nothing writes nothing.
    ///
    /// - Returns: the number of versions the document has now.
    @discardableResult
    public func apply(_ plan: Reextraction) throws -> Int {
        try apply([plan])[0]
    }

    /// Stores the plans that change a history, all in one transaction: many documents cost about
    /// as much as one.
    ///
    /// - Returns: the number of versions each document has now, in order.
    @discardableResult
    public func apply(_ plans: [Reextraction]) throws -> [Int] {
        let changing = plans.filter { $0.changesHistory && !$0.versions.isEmpty }
        guard !changing.isEmpty else { return plans.map(\.versionsBefore) }
        let numbers = try store.reread(changing.map { ($0.documentID, $0.versions) })
        var latest: [String: Int] = [:]
        for (plan, assigned) in zip(changing, numbers) { latest[plan.documentID] = assigned?.last ?? 0 }
        return plans.map { latest[$0.documentID] ?? $0.versionsBefore }
    }
}
