public import StemmaCore
import Foundation
import GRDB

extension Store {
    /// A version of an indexed document: `number`, or the latest when nil.
    ///
    /// - Returns: nil when the id or the version is not in the store.
    public func version(of documentID: String, number: Int? = nil) throws -> StoredVersion? {
        try writer.read { db in
            guard let document = try DocumentRow.fetchOne(db, key: documentID),
                let version = try VersionRow.filter(VersionRow.Columns.documentId == documentID)
                    .filter(VersionRow.Columns.number == (number ?? document.latestVersion)).fetchOne(db)
            else { return nil }
            var texts = StoredTextReader(db: db)
            // A version keeps the date it was indexed with, or none: lending it the document's
            // (the latest given) would date an undated copy by a later version (issue 12).
            return StoredVersion(documentID: document.id, version: version.number, latestVersion: document.latestVersion,
                                 family: document.family, date: version.date, title: document.title, url: document.url,
                                 source: document.source, bytes: version.text.bytes, text: try texts.text(at: version.text))
        }
    }
}
