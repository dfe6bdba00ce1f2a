public import StemmaCore
import GRDB

/// A page's check, to record: its new state, the fetch, and the version read from it if any.
public struct PageCheck: Sendable {
    public var page: WatchedPage
    public var log: FetchLogEntry
    /// The article read, when it is a new version, with the response it came from.
    public var version: (document: Document, capture: Capture)?

    public init(page: WatchedPage, log: FetchLogEntry, version: (document: Document, capture: Capture)? = nil) {
        self.page = page
        self.log = log
        self.version = version
    }
}

extension Store {
    /// Records checks in one transaction: each page's versions, capture, state and log entry land
    /// together or not at all, so a killed watcher neither loses nor doubles a version (the page
    /// is still due when it restarts, and an article stored already is `unchanged`).
    ///
    /// - Returns: the outcome of each check that carried a version, in order.
    @discardableResult
    public func record(_ checks: [PageCheck]) throws -> [AddOutcome] {
        let documents = checks.compactMap { $0.version?.document }
        let batch = prepare(documents, keepText: true)
        let parameters = self.parameters
        return try writeWithBuckets { db, buckets in
            let outcomes = try BatchWriter(db: db, parameters: parameters, keepText: true, buckets: buckets).write(batch)
            var next = outcomes.makeIterator()
            for check in checks {
                if let (document, capture) = check.version, let outcome = next.next() {
                    let number: Int? = switch outcome {
                    case .added: 1
                    case .newVersion(let number): number
                    case .unchanged: nil
                    }
                    if let number, let row = try Int64.fetchOne(db, sql: "SELECT id FROM documentVersion WHERE documentId = ? AND number = ?",
                                                                 arguments: [document.id, number]) {
                        try capture.insert(version: row, in: db)
                    }
                }
                try check.page.update(in: db)
                try check.log.insert(in: db)
            }
            return outcomes
        }
    }
}
