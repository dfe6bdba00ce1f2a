public import StemmaCore
import Foundation
import GRDB

/// A document to index.
public struct StoreDocument: Sendable {
    public var id: String
    /// Valid UTF-8.
    public var text: [UInt8]
    public var title: String?
    public var date: String?
    public var url: String?
    public var source: String?

    public init(id: String, text: [UInt8], title: String? = nil, date: String? = nil, url: String? = nil, source: String? = nil) {
        self.id = id
        self.text = text
        self.title = title
        self.date = date
        self.url = url
        self.source = source
    }
}

/// What indexing a document did.
public enum AddOutcome: Sendable, Equatable {
    /// The same id with the same content was indexed already: nothing changed.
    case unchanged
    /// A new document.
    case added
    /// New content for a known id, recorded as this version number.
    case newVersion(Int)
}

extension Store {
    /// Indexes documents in one transaction: a crash leaves either all of them or none.
    ///
    /// Sketching happens before the transaction, on all cores, so the write lock is held only for
    /// the inserts.
    public func add(_ documents: [StoreDocument], keepText: Bool = true) throws -> [AddOutcome] {
        let sketcher = self.sketcher
        let sketches = ParallelMap.map(documents, minimumCount: 32) { document in
            var scratch = DocumentSketcher.Scratch()
            return document.text.withUnsafeBufferPointer { sketcher.sketch($0, scratch: &scratch) }
        }
        return try writer.write { db in
            try zip(documents, sketches).map { try add($0, sketch: $1, keepText: keepText, in: db) }
        }
    }

    func add(_ document: StoreDocument, sketch: DocumentSketcher.Sketch, keepText: Bool, in db: Database) throws -> AddOutcome {
        let contentHash = Int64(bitPattern: StableHash.hash(document.text))
        let latest = try Row.fetchOne(db, sql: """
            SELECT v.number, v.contentHash FROM document d JOIN documentVersion v
            ON v.documentId = d.id AND v.number = d.latestVersion WHERE d.id = ?
            """, arguments: [document.id])
        let number: Int
        if let latest {
            if (latest["contentHash"] as Int64) == contentHash { return .unchanged }
            number = (latest["number"] as Int) + 1
            try db.execute(sql: "UPDATE document SET latestVersion = ?, title = coalesce(?, title), date = coalesce(?, date), url = coalesce(?, url), source = coalesce(?, source) WHERE id = ?",
                           arguments: [number, document.title, document.date, document.url, document.source, document.id])
        } else {
            number = 1
            try db.execute(sql: "INSERT INTO document (id, source, url, title, date, latestVersion) VALUES (?, ?, ?, ?, ?, 1)",
                           arguments: [document.id, document.source, document.url, document.title, document.date])
        }
        let text: String? = keepText ? String(decoding: document.text, as: UTF8.self) : nil
        try db.execute(sql: """
            INSERT INTO documentVersion (documentId, number, contentHash, bytes, shingles, date, text, signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [document.id, number, contentHash, document.text.count, sketch.shingles, document.date, text,
                             SignatureBlob.encode(sketch.signature, seed: parameters.seed)])
        let version = db.lastInsertedRowID
        for (band, key) in lsh.bandKeys(of: sketch.signature).enumerated() {
            try db.execute(sql: "INSERT OR IGNORE INTO lshBucket (band, bucket, version) VALUES (?, ?, ?)",
                           arguments: [band, Int64(bitPattern: key), version])
        }
        return number == 1 ? .added : .newVersion(number)
    }

    /// The number of documents and of versions.
    public func counts() throws -> (documents: Int, versions: Int) {
        try writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM documentVersion") ?? 0)
        }
    }
}
