public import StemmaCore
import Foundation
import GRDB

/// An indexed version that a text matches.
public struct StoreMatch: Sendable, Equatable {
    public var documentID: String
    public var version: Int
    public var date: String?
    public var title: String?
    /// Estimated Jaccard similarity of the shingle sets.
    public var jaccard: Double
    /// Estimated share of the query's shingles found in the indexed version.
    public var containmentOfQuery: Double
    /// Estimated share of the indexed version's shingles found in the query.
    public var containmentOfIndexed: Double
}

extension Store {
    /// The indexed versions that share an LSH band with the text and reach the store's threshold,
    /// best first.
    public func matches(for text: [UInt8], limit: Int = 20) throws -> [StoreMatch] {
        let sketch = text.withUnsafeBufferPointer { bytes in
            var scratch = DocumentSketcher.Scratch()
            return sketcher.sketch(bytes, scratch: &scratch)
        }
        let keys = lsh.bandKeys(of: sketch.signature)
        return try writer.read { db in
            var candidates = Set<Int64>()
            for (band, key) in keys.enumerated() {
                let versions = try Int64.fetchAll(db, sql: "SELECT version FROM lshBucket WHERE band = ? AND bucket = ?",
                                                  arguments: [band, Int64(bitPattern: key)])
                candidates.formUnion(versions)
            }
            var matches: [StoreMatch] = []
            for version in candidates {
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT v.documentId, v.number, v.shingles, v.signature, coalesce(v.date, d.date) AS date, d.title
                    FROM documentVersion v JOIN document d ON d.id = v.documentId WHERE v.id = ?
                    """, arguments: [version]),
                    let signature = SignatureBlob.decode(row["signature"], seed: parameters.seed, permutations: parameters.permutations)
                else { continue }
                let jaccard = MinHasher.estimatedJaccard(sketch.signature, signature)
                guard jaccard >= parameters.threshold else { continue }
                let pair = SimilarPair(a: 0, b: 1, estimatedJaccard: jaccard, sizeA: sketch.shingles, sizeB: row["shingles"])
                matches.append(StoreMatch(documentID: row["documentId"], version: row["number"], date: row["date"], title: row["title"],
                                          jaccard: jaccard, containmentOfQuery: pair.containmentAB, containmentOfIndexed: pair.containmentBA))
            }
            return Array(matches.sorted { ($0.jaccard, $1.documentID, $1.version) > ($1.jaccard, $0.documentID, $0.version) }.prefix(limit))
        }
    }
}
