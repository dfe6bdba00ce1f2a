import Foundation
import GRDB

/// One capture as an export reads it: which version it is of, and where the reading stopped.
public struct StoredCapture: Sendable, Hashable {
    /// The capture's row (`capture.id`, in the order captures were stored): pass the last one read
    /// as `afterRow` to go on.
    public var row: Int64
    public var documentID: String
    public var version: Int
    public var capture: Capture
}

extension Store {
    /// The capture the version `version` of `documentID` was first read from; nil when the version
    /// was not fetched by a watcher (or is not stored). A version that `stemma index reextract`
    /// merged with the ones after it holds their captures too (see ``captures(afterRow:limit:)``).
    ///
    /// ```swift
    /// if let capture = try store.capture(documentID: "https://example.com/a", version: 2) { print(capture.status) }
    /// ```
    ///
    /// - Throws: ``StoreError/corruptCapture(version:reason:)`` when the body does not decompress
    ///   to its recorded length, ``StoreError/corruptValue(column:reason:)`` for another damaged value.
    public func capture(documentID: String, version: Int) throws -> Capture? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "\(Self.captureSelection) WHERE v.documentId = ? AND v.number = ? ORDER BY c.id LIMIT 1",
                             arguments: [documentID, version]).map { try Self.storedCapture($0).capture }
        }
    }

    /// The captures stored after row `afterRow`, in row order (the order they were stored), at
    /// most `limit`: an export reads them all, a page at a time, without holding them at once.
    ///
    /// ```swift
    /// var after: Int64 = 0
    /// while case let page = try store.captures(afterRow: after, limit: 256), let last = page.last {
    ///     for stored in page { write(stored.capture) }
    ///     after = last.row
    /// }
    /// ```
    ///
    /// - Throws: as ``capture(documentID:version:)`` does.
    public func captures(afterRow: Int64, limit: Int) throws -> [StoredCapture] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "\(Self.captureSelection) WHERE c.id > ? ORDER BY c.id LIMIT ?",
                             arguments: [afterRow, max(0, limit)]).map(Self.storedCapture)
        }
    }

    /// The ids of the documents that hold captures, in id order, after `afterID` (nil: from the
    /// start), at most `limit`: what `stemma index reextract` reads again, a page at a time.
    public func capturedDocuments(after afterID: String?, limit: Int) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT d.id FROM document d WHERE d.id > ? AND EXISTS (
                    SELECT 1 FROM documentVersion v JOIN capture c ON c.version = v.id WHERE v.documentId = d.id
                ) ORDER BY d.id LIMIT ?
                """, arguments: [afterID ?? "", max(0, limit)])
        }
    }

    static let captureSelection = """
        SELECT c.id AS row, c.version AS versionRow, v.documentId, v.number, c.url, c.fetched, c.status, c.headers, c.codec, c.bytes, c.body, c.minor
        FROM capture c JOIN documentVersion v ON v.id = c.version
        """

    static func storedCapture(_ row: Row) throws -> StoredCapture {
        let rowID: Int64 = try row.checked("row"), version: Int64 = try row.checked("versionRow")
        let body: [UInt8]
        do {
            // `bytes` is checked there before anything is allocated, so a tampered length throws.
            body = try TextBlock.decompressed(id: version, codec: try row.checked("codec"), bytes: try row.checked("bytes"),
                                              data: [UInt8](try row.checked("body", as: Data.self)))
        } catch StoreError.corruptTextBlock(_, let reason) {
            throw StoreError.corruptCapture(version: version, reason: reason)
        }
        let capture = Capture(url: try row.checked("url"), fetched: try checkedTime(row, "fetched") ?? 0,
                              status: try row.checkedCount("status", in: 0...999),
                              headers: Capture.headers(fromText: try row.checked("headers")), body: body, minor: try row.checked("minor"))
        return StoredCapture(row: rowID, documentID: try row.checked("documentId"), version: try row.checkedCount("number", in: 1...Int.max),
                             capture: capture)
    }
}
