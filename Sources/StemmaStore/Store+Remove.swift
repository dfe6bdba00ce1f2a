import Foundation
import GRDB
import StemmaCore

/// What ``Store/remove(_:)`` did.
public struct Removal: Sendable, Equatable {
    /// The ids removed, in the order asked, each once.
    public var removed: [String]
    /// The ids asked for that the store does not hold.
    public var missing: [String]
    /// Versions removed, over all the documents.
    public var versions: Int
    /// The families the removed documents left behind, recomputed: a family whose removed member
    /// was the only link between two parts is two families now. Sorted; a family left with one
    /// member is listed too.
    public var families: [String]
}

extension Store {
    /// Removes documents (a takedown): their versions, their texts, their LSH bucket entries and
    /// their pairs, then recomputes the families they were in. One transaction, as an add is: a
    /// killed process leaves all of it done or none.
    ///
    /// Texts share compressed blocks with the texts written beside them, so each block that held
    /// a removed text is written again without it (and deleted when nothing is left in it): the
    /// removed bytes do not stay in the file's live pages. Finding a block's other texts reads
    /// the version table once per call (it has no index on blocks), a second or so at a million
    /// versions; remove many ids in one call.
    ///
    /// Bucket entries are removed from the runs (see ``BucketRuns/remove(_:band:)``), so matching
    /// never reaches a removed version, and a later version that SQLite gives the freed row id is
    /// found by its own entries only. This process's in-memory bucket tables are dropped; an add
    /// that needs them loads them again.
    ///
    /// A family split by the removal keeps its name in the part that holds the document it is
    /// named after; every other part (all of them, when that document is the one removed) is named
    /// after its member indexed first, as merges name families (``BatchWriter/survivor(of:)``). A
    /// family's name is thus always one of its members' ids, and a document added later under a
    /// removed id starts a family of its own.
    ///
    /// - Returns: what was removed and which ids were not there.
    /// - Complexity: O(*v* × *b* × *r*) block seeks for *v* versions, *b* bands and *r* runs per
    ///   band, plus a scan of the versions (texts) and of the pairs.
    public func remove(_ ids: [String]) throws -> Removal {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        var seen = Set<String>()
        let asked = ids.filter { seen.insert($0).inserted }
        let parameters = self.parameters, lsh = self.lsh
        let removal = try writer.write { db -> Removal in
            let held = try Self.heldIDs(asked, in: db)
            var removal = Removal(removed: asked.filter(held.contains), missing: asked.filter { !held.contains($0) }, versions: 0, families: [])
            guard !removal.removed.isEmpty else { return removal }
            (removal.versions, removal.families) = try Self.delete(removal.removed, in: db, parameters: parameters, lsh: lsh)
            // `stemma watch` stops checking the pages (their rows stay, so that a feed still
            // listing them does not bring them back).
            for chunk in paddedChunks(removal.removed, size: BatchWriter.chunk) {
                try db.execute(sql: "UPDATE watchPage SET nextCheck = NULL WHERE documentId IN (\(placeholders(BatchWriter.chunk)))",
                               arguments: StatementArguments(chunk))
            }
            return removal
        }
        if !removal.removed.isEmpty { buckets.dropTables() }
        return removal
    }

    /// Deletes stored documents with their versions, texts, captures, bucket entries and pairs,
    /// and recomputes the families they were in.
    ///
    /// - Returns: the versions deleted, and the families left behind (see ``Removal/families``).
    static func delete(_ ids: [String], in db: Database, parameters: StoreParameters,
                       lsh: LSHParameters) throws -> (versions: Int, families: [String]) {
        var families = Set<String>()
        for chunk in paddedChunks(ids, size: BatchWriter.chunk) {
            let list = placeholders(BatchWriter.chunk)
            families.formUnion(try String.fetchAll(db, sql: "SELECT family FROM document WHERE id IN (\(list))", arguments: StatementArguments(chunk)))
        }
        let versions = try removedVersions(of: ids, in: db, parameters: parameters)
        try removeBuckets(of: versions, in: db, lsh: lsh)
        for chunk in paddedChunks(ids, size: BatchWriter.chunk) {
            let list = placeholders(BatchWriter.chunk)
            let arguments = StatementArguments(chunk)
            // The fetched pages go with their texts.
            try db.execute(sql: """
                DELETE FROM capture WHERE version IN (SELECT id FROM documentVersion WHERE documentId IN (\(list)))
                """, arguments: arguments)
            try db.execute(sql: "DELETE FROM documentVersion WHERE documentId IN (\(list))", arguments: arguments)
            try db.execute(sql: "DELETE FROM pair WHERE a IN (\(list)) OR b IN (\(list))", arguments: arguments + arguments)
            try db.execute(sql: "DELETE FROM document WHERE id IN (\(list))", arguments: arguments)
        }
        // After the versions: they reference their blocks.
        try removeTexts(of: versions, in: db)
        let left = try families.sorted().flatMap { try recomputeFamily($0, in: db) }.sorted()
        return (versions.count, left)
    }

    /// A version about to be removed: its row, signature and text block.
    struct RemovedVersion {
        var rowID: Int64
        var signature: [UInt32]
        var textBlock: Int64?
    }

    static func removedVersions(of ids: [String], in db: Database, parameters: StoreParameters) throws -> [RemovedVersion] {
        var versions: [RemovedVersion] = []
        for chunk in paddedChunks(ids, size: BatchWriter.chunk) {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT id, signature, textBlock FROM documentVersion WHERE documentId IN (\(placeholders(BatchWriter.chunk)))
                """), arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                let signature = try SignatureBlob.decode(row.checked(1), seed: parameters.seed, permutations: parameters.permutations)
                versions.append(RemovedVersion(rowID: try row.checked(0), signature: signature, textBlock: try row.checked(2)))
            }
        }
        return versions
    }

    /// Removes the versions' entries from every band: the keys are those the add wrote, the band
    /// keys of the stored signature.
    static func removeBuckets(of versions: [RemovedVersion], in db: Database, lsh: LSHParameters) throws {
        var byBand = Array(repeating: Set<BucketEntry>(), count: lsh.bands)
        for version in versions {
            for (band, key) in lsh.bandKeys(of: version.signature).enumerated() where band < lsh.bands {
                byBand[band].insert(BucketEntry(key: Int64(bitPattern: key), version: version.rowID))
            }
        }
        let runs = BucketRuns(db: db)
        for (band, entries) in byBand.enumerated() { try runs.remove(entries, band: band) }
    }

    /// Writes each text block that holds a removed version's text again with only the other
    /// versions' texts, moving their offsets; a block left with none is deleted.
    static func removeTexts(of versions: [RemovedVersion], in db: Database) throws {
        let blocks = Set(versions.compactMap(\.textBlock))
        guard !blocks.isEmpty else { return }
        let removed = Set(versions.map(\.rowID))
        // The versions kept in those blocks (the removed ones are deleted already, and skipped
        // in case): one scan, as documentVersion has no index on textBlock.
        var kept: [Int64: [(rowID: Int64, offset: Int, bytes: Int)]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, textBlock, textOffset, bytes FROM documentVersion WHERE textBlock IS NOT NULL")
        while let row = try rows.next() {
            let block: Int64 = try row.checked(1), rowID: Int64 = try row.checked(0)
            guard blocks.contains(block), !removed.contains(rowID) else { continue }
            kept[block, default: []].append((rowID, try row.checkedCount("textOffset"), try row.checkedCount("bytes")))
        }
        var texts = StoredTextReader(db: db)
        for block in blocks.sorted() {
            guard let members = kept[block]?.sorted(by: { $0.offset < $1.offset }), !members.isEmpty else {
                try db.execute(sql: "DELETE FROM textBlock WHERE id = ?", arguments: [block])
                continue
            }
            let bytes = try texts.bytes(ofBlock: block)
            var joined: [UInt8] = [], offsets: [Int] = []
            for member in members {
                guard member.offset >= 0, member.offset <= bytes.count - member.bytes else {
                    throw StoreError.corruptTextBlock(id: block, reason: "a text at \(member.offset) for \(member.bytes) bytes is outside its \(bytes.count) bytes")
                }
                offsets.append(joined.count)
                joined += bytes[member.offset..<member.offset + member.bytes]
            }
            let (codec, data) = joined.withUnsafeBufferPointer(TextBlock.compressed)
            try db.execute(sql: "UPDATE textBlock SET codec = ?, bytes = ?, data = ? WHERE id = ?",
                           arguments: [codec.rawValue, joined.count, Data(data), block])
            for (member, offset) in zip(members, offsets) where member.offset != offset {
                try db.execute(sql: "UPDATE documentVersion SET textOffset = ? WHERE id = ?", arguments: [offset, member.rowID])
            }
        }
    }

    /// Splits the family `name` into the parts its remaining members' pairs connect, and returns
    /// the parts' names. See ``remove(_:)`` for the naming.
    static func recomputeFamily(_ name: String, in db: Database) throws -> [String] {
        let members = try String.fetchAll(db, sql: "SELECT id FROM document WHERE family = ? ORDER BY id", arguments: [name])
        guard !members.isEmpty else { return [] }
        let number = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        var union = UnionFind(count: members.count)
        let pairs = try db.cachedStatement(sql: "SELECT b FROM pair WHERE a = ?")
        for (index, member) in members.enumerated() {
            for other in try String.fetchAll(pairs, arguments: [member]) {
                if let otherIndex = number[other] { _ = union.union(index, otherIndex) }
            }
        }
        var parts: [Int: [Int]] = [:]
        for index in members.indices { parts[union.find(index), default: []].append(index) }
        guard parts.count > 1 || number[name] == nil else { return [name] }
        let firstIndexed = try firstVersions(of: members, in: db)
        let rename = try db.cachedStatement(sql: "UPDATE document SET family = ? WHERE id = ?")
        var names: [String] = []
        for part in parts.values {
            let ids = part.map { members[$0] }
            let partName = ids.contains(name) ? name : ids.min { (firstIndexed[$0] ?? .max, $0) < (firstIndexed[$1] ?? .max, $1) } ?? name
            names.append(partName)
            guard partName != name else { continue }
            for id in ids { try rename.execute(arguments: [partName, id]) }
        }
        return names
    }

    /// The row id of each document's first stored version: the order of indexing.
    static func firstVersions(of ids: [String], in db: Database) throws -> [String: Int64] {
        var first: [String: Int64] = [:]
        for chunk in paddedChunks(ids, size: BatchWriter.chunk) {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT documentId, min(id) FROM documentVersion WHERE documentId IN (\(placeholders(BatchWriter.chunk))) GROUP BY documentId
                """), arguments: StatementArguments(chunk))
            while let row = try rows.next() { first[try row.checked(0)] = try row.checked(1) }
        }
        return first
    }
}
