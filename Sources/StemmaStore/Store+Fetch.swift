import StemmaCore
import Foundation
import GRDB

/// One stored version of a document, with the document's metadata.
public struct StoredVersion: Sendable, Equatable {
    public var documentID: String
    /// 1 for the first text recorded under the id.
    public var version: Int
    /// The number of the document's latest version.
    public var latestVersion: Int
    public var family: String
    public var date: String?
    public var title: String?
    public var url: String?
    public var source: String?
    /// Length of the text in UTF-8 bytes.
    public var bytes: Int
    /// Nil when the store was filled with `keepText: false`.
    public var text: String?
}

extension Store {
    /// A version of an indexed document: `number`, or the latest when nil.
    ///
    /// - Returns: nil when the id or the version is not in the store.
    public func version(of documentID: String, number: Int? = nil) throws -> StoredVersion? {
        try writer.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT v.documentId, v.number, d.latestVersion, d.family, coalesce(v.date, d.date) AS date,
                       d.title, d.url, d.source, v.bytes, v.text, v.textBlock, v.textOffset
                FROM document d JOIN documentVersion v ON v.documentId = d.id
                WHERE d.id = ? AND v.number = coalesce(?, d.latestVersion)
                """, arguments: [documentID, number])
            guard let row else { return nil }
            var texts = StoredTextReader(db: db)
            return StoredVersion(documentID: try row.checked("documentId"), version: try row.checked("number"),
                                 latestVersion: try row.checked("latestVersion"), family: try row.checked("family"),
                                 date: try row.checked("date"), title: try row.checked("title"), url: try row.checked("url"),
                                 source: try row.checked("source"), bytes: try row.checkedCount("bytes"), text: try texts.text(of: row))
        }
    }
}
