public import StemmaCore
import Foundation
import GRDB

extension Store {
    /// The indexed versions that share an LSH band with the text and reach the store's threshold,
    /// best first, leaving out the versions of the document `excluding` (the text's own stored copy).
    public func matches(for text: [UInt8], limit: Int = 20, excluding: String? = nil) throws -> [IndexMatch] {
        let sketch = text.withUnsafeBufferPointer { bytes in
            var scratch = DocumentSketcher.Scratch()
            return sketcher.sketch(bytes, scratch: &scratch)
        }
        let keys = lsh.bandKeys(of: sketch.signature)
        return try writer.read { db in
            var matches: [IndexMatch] = []
            for row in try candidateRows(keys: keys, in: db) {
                let signature = try SignatureBlob.decode(row.checked("signature"), seed: parameters.seed, permutations: parameters.permutations)
                let jaccard = MinHasher.estimatedJaccard(sketch.signature, signature)
                guard jaccard >= parameters.threshold else { continue }
                if let excluding, try row.checked("documentId") == excluding { continue }
                let pair = SimilarPair(a: 0, b: 1, estimatedJaccard: jaccard, sizeA: sketch.shingles, sizeB: try row.checkedCount("shingles"))
                matches.append(IndexMatch(documentID: try row.checked("documentId"), version: try row.checked("number"),
                                          date: try row.checked("date"), title: try row.checked("title"),
                                          jaccard: jaccard, containmentOfQuery: pair.containmentAB, containmentOfIndexed: pair.containmentBA))
            }
            return Array(matches.sorted { ($0.jaccard, $1.documentID, $1.version) > ($1.jaccard, $0.documentID, $0.version) }.prefix(limit))
        }
    }

    /// The versions sharing at least one LSH bucket with `keys`, with what a match shows: one
    /// block seek per band and run, then one query per 256 candidates.
    func candidateRows(keys: [UInt64], in db: Database) throws -> [Row] {
        var versions = Set<Int64>()
        let runs = BucketRuns(db: db)
        var byBand = Array(repeating: [BucketRun](), count: keys.count)
        for run in try runs.catalog() where run.band < keys.count { byBand[run.band].append(run) }
        var found: [Int64] = []
        for (band, key) in keys.enumerated() {
            found.removeAll(keepingCapacity: true)
            for run in byBand[band] { try runs.versions(of: Int64(bitPattern: key), in: run) { found.append($0) } }
            // The oldest 64 of a bucket, as for adds (runs keep no more of one key).
            versions.formUnion(found.sorted().prefix(BatchWriter.bucketCap))
        }
        var rows: [Row] = []
        for chunk in paddedChunks(versions.sorted(), size: BatchWriter.chunk) {
            rows += try Row.fetchAll(db.cachedStatement(sql: """
                SELECT v.documentId, v.number, v.shingles, v.signature, v.date, d.title
                FROM documentVersion v JOIN document d ON d.id = v.documentId WHERE v.id IN (\(placeholders(BatchWriter.chunk)))
                """), arguments: StatementArguments(chunk))
        }
        return rows
    }
}

extension Store {
    /// Families with more than one document, largest first, optionally limited to those with a
    /// member dated within `dates` or from `source`.
    public func families(dates: DateRange? = nil, source: String? = nil) throws -> [IndexFamily] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT family, id, date, source FROM document
                WHERE family IN (SELECT family FROM document GROUP BY family HAVING count(*) > 1)
                ORDER BY family, date IS NULL, date, id
                """)
            var grouped: [String: [(id: String, date: String?, source: String?)]] = [:]
            for row in rows {
                grouped[try row.checked("family"), default: []].append((try row.checked("id"), try row.checked("date"), try row.checked("source")))
            }
            let families = grouped.compactMap { name, members -> IndexFamily? in
                let dated = members.compactMap(\.date)
                if let dates, !dated.contains(where: dates.contains) { return nil }
                if let source, !members.contains(where: { $0.source == source }) { return nil }
                return IndexFamily(name: name, members: members.map(\.id), earliestDate: dated.min(), latestDate: dated.max())
            }
            return families.sorted { ($0.members.count, $1.name) > ($1.members.count, $0.name) }
        }
    }
}
