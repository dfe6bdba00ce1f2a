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
        let latest = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT v.number, v.contentHash FROM document d JOIN documentVersion v
            ON v.documentId = d.id AND v.number = d.latestVersion WHERE d.id = ?
            """), arguments: [document.id])
        let number: Int
        if let latest {
            if (latest["contentHash"] as Int64) == contentHash { return .unchanged }
            number = (latest["number"] as Int) + 1
            try db.execute(sql: "UPDATE document SET latestVersion = ?, title = coalesce(?, title), date = coalesce(?, date), url = coalesce(?, url), source = coalesce(?, source) WHERE id = ?",
                           arguments: [number, document.title, document.date, document.url, document.source, document.id])
        } else {
            number = 1
            try db.cachedStatement(sql: "INSERT INTO document (id, source, url, title, date, latestVersion, family) VALUES (?, ?, ?, ?, ?, 1, ?)")
                .execute(arguments: [document.id, document.source, document.url, document.title, document.date, document.id])
        }
        let text: String? = keepText ? String(decoding: document.text, as: UTF8.self) : nil
        try db.cachedStatement(sql: """
            INSERT INTO documentVersion (documentId, number, contentHash, bytes, shingles, date, text, signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [document.id, number, contentHash, document.text.count, sketch.shingles, document.date, text,
                             SignatureBlob.encode(sketch.signature, seed: parameters.seed)])
        let version = db.lastInsertedRowID
        let keys = lsh.bandKeys(of: sketch.signature)
        try joinFamilies(of: document.id, signature: sketch.signature, keys: keys, in: db)
        // Prepared once per connection: preparing these per row was most of the time of an add.
        let insertBucket = try db.cachedStatement(sql: "INSERT OR IGNORE INTO lshBucket (band, bucket, version) VALUES (?, ?, ?)")
        for (band, key) in keys.enumerated() {
            try insertBucket.execute(arguments: [band, Int64(bitPattern: key), version])
        }
        return number == 1 ? .added : .newVersion(number)
    }

    /// Records the pairs a new version makes with other documents' versions and merges their
    /// families into one (named after the smallest family name, so the result does not depend on
    /// the order of adds).
    func joinFamilies(of documentID: String, signature: [UInt32], keys: [UInt64], in db: Database) throws {
        var partners: [String: Double] = [:]
        for (versionID, otherID, otherSignature) in try candidateVersions(keys: keys, in: db) where otherID != documentID {
            let jaccard = MinHasher.estimatedJaccard(signature, otherSignature)
            if jaccard >= parameters.threshold { partners[otherID] = max(partners[otherID] ?? 0, jaccard) }
            _ = versionID
        }
        guard !partners.isEmpty else { return }
        for (other, jaccard) in partners {
            let (a, b) = documentID < other ? (documentID, other) : (other, documentID)
            try db.execute(sql: "INSERT INTO pair (a, b, jaccard) VALUES (?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET jaccard = max(jaccard, excluded.jaccard)",
                           arguments: [a, b, jaccard])
        }
        let ids = [documentID] + partners.keys
        let families = try String.fetchAll(db, sql: "SELECT DISTINCT family FROM document WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                                           arguments: StatementArguments(ids))
        guard let merged = families.min(), families.count > 1 else { return }
        try db.execute(sql: "UPDATE document SET family = ? WHERE family IN (\(families.map { _ in "?" }.joined(separator: ",")))",
                       arguments: StatementArguments([merged] + families))
    }

    /// The versions sharing at least one LSH bucket with `keys`: their row id, document and signature.
    func candidateVersions(keys: [UInt64], in db: Database) throws -> [(Int64, String, [UInt32])] {
        // One indexed lookup per band: a single `(band, bucket) IN (VALUES …)` query made SQLite scan
        // the whole table (20k documents: 7 s became 509 s).
        var versions = Set<Int64>()
        let bucket = try db.cachedStatement(sql: "SELECT version FROM lshBucket WHERE band = ? AND bucket = ?")
        for (band, key) in keys.enumerated() {
            versions.formUnion(try Int64.fetchAll(bucket, arguments: [band, Int64(bitPattern: key)]))
        }
        let versionRow = try db.cachedStatement(sql: "SELECT documentId, signature FROM documentVersion WHERE id = ?")
        return try versions.sorted().compactMap { id in
            guard let row = try Row.fetchOne(versionRow, arguments: [id]),
                let signature = SignatureBlob.decode(row["signature"], seed: parameters.seed, permutations: parameters.permutations)
            else { return nil }
            return (id, row["documentId"], signature)
        }
    }

    /// The number of documents and of versions.
    public func counts() throws -> (documents: Int, versions: Int) {
        try writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM documentVersion") ?? 0)
        }
    }
}
