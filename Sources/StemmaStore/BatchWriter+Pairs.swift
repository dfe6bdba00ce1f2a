import Foundation
import GRDB
import StemmaCore

/// Two documents whose versions reach the threshold; `a < b`.
struct DocumentPair: Hashable {
    var a: String
    var b: String

    init(_ first: String, _ second: String) {
        (a, b) = first < second ? (first, second) : (second, first)
    }
}

extension BatchWriter {
    /// The pairs of documents the batch's new versions make, with each other and with stored
    /// versions of other documents, with their best estimated Jaccard similarity.
    func similarPairs(of added: [AddedVersion], in batch: PreparedBatch) throws -> [(pair: DocumentPair, jaccard: Double)] {
        guard let first = added.first else { return [] }
        try buckets.prepare(forVersions: added.count)
        var stored = Array(repeating: [Int64](), count: added.count)
        var inBatch = Set<Int>()
        let positions = positionsInBatch(of: added, count: batch.count)
        for band in batch.bandKeys[first.index].indices {
            // (key, position) pairs sorted by key: runs of one key are the batch's shared buckets.
            let keyed = batch.bandOrder[band].compactMap { index in
                positions[index].map { (key: batch.bandKeys[index][band], position: $0) }
            }
            var keys: [UInt64] = [], ranges: [Range<Int>] = []
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
                keys.append(keyed[start].key)
                ranges.append(start..<end)
                for i in start..<end {
                    for j in (i + 1)..<min(end, i + 1 + Self.bucketCap) {
                        let (p, q) = (keyed[i].position, keyed[j].position)
                        inBatch.insert(min(p, q) << 32 | max(p, q))
                    }
                }
                start = end
            }
            try buckets.lookUp(band: band, keys: keys) { keyIndex, version in
                for entry in keyed[ranges[keyIndex]] { stored[entry.position].append(version) }
            }
        }
        let signatures = try storedSignatures(Array(Set(stored.joined())))
        var best: [DocumentPair: Double] = [:]
        func consider(_ id: String, _ signature: [UInt32], _ otherID: String, _ other: [UInt32]) {
            guard id != otherID else { return }
            let jaccard = MinHasher.estimatedJaccard(signature, other)
            guard jaccard >= parameters.threshold else { return }
            best[DocumentPair(id, otherID), default: 0] = max(best[DocumentPair(id, otherID)] ?? 0, jaccard)
        }
        for (position, versions) in stored.enumerated() {
            let index = added[position].index
            for version in Set(versions) {
                guard let (otherID, other) = signatures[version] else { continue }
                consider(batch.documents[index].id, batch.sketches[index].signature, otherID, other)
            }
        }
        for packed in inBatch {
            let i = added[packed >> 32].index, j = added[packed & 0xFFFF_FFFF].index
            consider(batch.documents[i].id, batch.sketches[i].signature, batch.documents[j].id, batch.sketches[j].signature)
        }
        return best.map { (pair: $0.key, jaccard: $0.value) }.sorted { ($0.pair.a, $0.pair.b) < ($1.pair.a, $1.pair.b) }
    }

    /// The document and signature of each stored version row.
    func storedSignatures(_ versions: [Int64]) throws -> [Int64: (String, [UInt32])] {
        var signatures: [Int64: (String, [UInt32])] = [:]
        for chunk in paddedChunks(versions, size: Self.chunk) {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT id, documentId, signature FROM documentVersion WHERE id IN (\(placeholders(Self.chunk)))
                """), arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                let signature = try SignatureBlob.decode(row.checked(2), seed: parameters.seed, permutations: parameters.permutations)
                signatures[try row.checked(0)] = (try row.checked(1), signature)
            }
        }
        return signatures
    }

    func record(_ pairs: [(pair: DocumentPair, jaccard: Double)]) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO pair (a, b, jaccard) VALUES (?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET jaccard = max(jaccard, excluded.jaccard)
            """)
        for (pair, jaccard) in pairs { try upsert.execute(arguments: [pair.a, pair.b, jaccard]) }
    }

    /// Merges the families the pairs join into one each, which keeps the name of the family
    /// indexed first (see ``survivor(of:)``): a family's name stays when others join it, so links
    /// to it (`/history?id=…`) keep working.
    func mergeFamilies(joinedBy pairs: [(pair: DocumentPair, jaccard: Double)]) throws {
        guard !pairs.isEmpty else { return }
        let ids = Array(Set(pairs.flatMap { [$0.pair.a, $0.pair.b] }))
        var familyOf: [String: String] = [:]
        for chunk in paddedChunks(ids, size: Self.chunk) {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, family FROM document WHERE id IN (\(placeholders(Self.chunk)))"),
                                           arguments: StatementArguments(chunk))
            while let row = try rows.next() { familyOf[try row.checked(0)] = try row.checked(1) }
        }
        let families = Array(Set(familyOf.values)).sorted()
        let number = Dictionary(uniqueKeysWithValues: families.enumerated().map { ($1, $0) })
        var union = UnionFind(count: families.count)
        for (pair, _) in pairs {
            guard let a = familyOf[pair.a].flatMap({ number[$0] }), let b = familyOf[pair.b].flatMap({ number[$0] }) else { continue }
            _ = union.union(a, b)
        }
        let rename = try db.cachedStatement(sql: "UPDATE document SET family = ? WHERE family = ?")
        for group in union.groups() where group.count > 1 {
            let names = group.map { families[$0] }
            let survivor = try survivor(of: names)
            for name in names where name != survivor { try rename.execute(arguments: [survivor, name]) }
        }
    }

    /// The family whose name a merge keeps: the one whose namesake document was indexed first
    /// (the smallest first version row id), then the smallest name.
    ///
    /// A family is named after its first member, and stays so: a merge keeps the oldest name,
    /// and a split (``Store/remove(_:)``) names each part after its first member. The name then
    /// depends on the order of the adds only, not on how they were cut into batches, so an add
    /// killed and run again ends with the names an uninterrupted one gives. (Keeping the larger
    /// family's name would rename fewer documents, but which family is larger when they meet
    /// depends on the batches.) One lookup per family, on the namesake's versions.
    func survivor(of names: [String]) throws -> String {
        let first = try db.cachedStatement(sql: "SELECT min(id) FROM documentVersion WHERE documentId = ?")
        let ages = try names.map { (name: $0, first: try Int64.fetchOne(first, arguments: [$0]) ?? .max) }
        return ages.min { ($0.first, $0.name) < ($1.first, $1.name) }?.name ?? names[0]
    }

    /// For each document of the batch, its position in `added`, or nil when it added no version.
    func positionsInBatch(of added: [AddedVersion], count: Int) -> [Int?] {
        var positions = [Int?](repeating: nil, count: count)
        for (position, version) in added.enumerated() { positions[version.index] = position }
        return positions
    }

    /// Hands the batch's bucket entries to the transaction's bucket session, which writes them
    /// as runs at commit. They come sorted from the batch's band order: row ids grow with the
    /// index in the batch.
    func insertBuckets(of added: [AddedVersion], in batch: PreparedBatch) {
        let positions = positionsInBatch(of: added, count: batch.count)
        let entries = batch.bandOrder.indices.map { band in
            batch.bandOrder[band].compactMap { index in
                positions[index].map { BucketEntry(key: Int64(bitPattern: batch.bandKeys[index][band]), version: added[$0].rowID) }
            }
        }
        buckets.insert(entries, versions: added.count)
    }
}
