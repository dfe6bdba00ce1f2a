import Foundation
import GRDB
import GRDBSQLite
import StemmaCore

/// Writes one prepared batch inside a write transaction: documents and versions one by one, then
/// the batch's candidate lookups, pairs, family merges and LSH buckets set-wise, so the number of
/// statements grows with the batch's distinct keys rather than with every key of every document.
struct BatchWriter {
    let db: Database
    let parameters: StoreParameters
    let keepText: Bool
    let buckets: BucketSession

    /// A version the batch added: its row id and its document's index in the batch.
    struct AddedVersion {
        var rowID: Int64
        var index: Int
    }

    /// Lookups and `IN` lists use chunks of this many values.
    static let chunk = 256
    /// At most this many versions of one bucket become candidates, the oldest first: a bucket of
    /// boilerplate shared by thousands of documents would otherwise compare each new one with all.
    static let bucketCap = 64

    func write(_ batch: PreparedBatch) throws -> [AddOutcome] {
        let (outcomes, versions) = try recordDocuments(of: batch)
        let texts = keepText ? try storeTexts(of: versions.map(\.index), in: batch) : []
        var added: [AddedVersion] = []
        added.reserveCapacity(versions.count)
        for (index, number) in versions {
            try insertVersion(batch.documents[index], number: number, hash: batch.contentHashes[index], sketch: batch.sketches[index],
                              text: texts.isEmpty ? nil : texts[index])
            added.append(AddedVersion(rowID: db.lastInsertedRowID, index: index))
        }
        let pairs = try similarPairs(of: added, in: batch)
        try record(pairs)
        try mergeFamilies(joinedBy: pairs)
        insertBuckets(of: added, in: batch)
        return outcomes
    }

    /// Inserts or updates the document rows, and returns each document's outcome and the new
    /// versions to write: a document's index in the batch and its version number.
    func recordDocuments(of batch: PreparedBatch) throws -> ([AddOutcome], [(index: Int, number: Int)]) {
        var known = try latestVersions(of: Array(Set(batch.documents.map(\.id))))
        var outcomes: [AddOutcome] = []
        var versions: [(index: Int, number: Int)] = []
        outcomes.reserveCapacity(batch.count)
        for index in batch.documents.indices {
            let document = batch.documents[index], hash = batch.contentHashes[index]
            let number: Int
            if let previous = known[document.id] {
                if previous.hash == hash { outcomes.append(.unchanged(previous.number)); continue }
                number = previous.number + 1
                try db.cachedStatement(sql: """
                    UPDATE document SET latestVersion = ?, title = coalesce(?, title), date = coalesce(?, date),
                    url = coalesce(?, url), source = coalesce(?, source) WHERE id = ?
                    """).execute(arguments: [number, document.title, document.date, document.url, document.source, document.id])
            } else {
                number = 1
                try insertDocument(document)
            }
            versions.append((index, number))
            known[document.id] = (number, hash)
            outcomes.append(number == 1 ? .added : .newVersion(number))
        }
        return (outcomes, versions)
    }

    /// The latest version number and content hash of each id already stored.
    func latestVersions(of ids: [String]) throws -> [String: (number: Int, hash: Int64)] {
        var latest: [String: (number: Int, hash: Int64)] = [:]
        for chunk in paddedChunks(ids, size: Self.chunk) {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT d.id, v.number, v.contentHash FROM document d JOIN documentVersion v
                ON v.documentId = d.id AND v.number = d.latestVersion WHERE d.id IN (\(placeholders(Self.chunk)))
                """), arguments: StatementArguments(chunk))
            while let row = try rows.next() { latest[try row.checked(0)] = (try row.checked(1), try row.checked(2)) }
        }
        return latest
    }

    func insertDocument(_ document: Document) throws {
        // The last guard: readers and the API refuse such ids per record, before a transaction.
        if let reason = DocumentID.problem(with: document.id) { throw StoreError.invalidDocumentID(id: document.id, reason: reason) }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO document (id, source, url, title, date, latestVersion, family) VALUES (?, ?, ?, ?, ?, 1, ?)
            """)
        // Bound with the C API, as in insertVersion: one row per new document.
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
        for (index, value) in [document.id, document.source, document.url, document.title, document.date, document.id].enumerated() {
            if let value { sqlite3_bind_text(handle, Int32(index + 1), value, -1, SQLITE_TRANSIENT) }
        }
        try check(sqlite3_step(handle), statement)
    }

    func insertVersion(_ document: Document, number: Int, hash: Int64, sketch: DocumentSketcher.Sketch,
                       text: TextLocation?) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO documentVersion (documentId, number, contentHash, bytes, shingles, date, textBlock, textOffset, signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // Bound with the C API: GRDB's argument array and a String for the id were a tenth of
        // the writer thread's time on a million documents.
        let handle = statement.sqliteStatement
        let signature = SignatureBlob.encode(sketch.signature, seed: parameters.seed)
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
        sqlite3_bind_text(handle, 1, document.id, -1, SQLITE_TRANSIENT)
        sqlite3_bind_int64(handle, 2, Int64(number))
        sqlite3_bind_int64(handle, 3, hash)
        sqlite3_bind_int64(handle, 4, Int64(document.text.count))
        sqlite3_bind_int64(handle, 5, Int64(sketch.shingles))
        if let date = document.date { sqlite3_bind_text(handle, 6, date, -1, SQLITE_TRANSIENT) } else { sqlite3_bind_null(handle, 6) }
        if let text {
            sqlite3_bind_int64(handle, 7, text.block)
            sqlite3_bind_int64(handle, 8, Int64(text.offset))
        }
        let code = signature.withUnsafeBytes { blob in
            // Bound without a copy (a nil destructor is SQLITE_STATIC): the buffer outlives the step.
            sqlite3_bind_blob(handle, 9, blob.baseAddress, Int32(blob.count), nil)
            return sqlite3_step(handle)
        }
        try check(code, statement)
    }

    /// Throws SQLite's error unless a step of an INSERT finished.
    func check(_ code: Int32, _ statement: Statement) throws {
        guard code == SQLITE_DONE else { throw db.stepError(code, statement) }
    }
}

/// SQLite copies a value bound with this destructor: for Swift strings, whose C pointer lives
/// only during the call.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
