import Foundation
import GRDB
import StemmaCore
@testable import StemmaStore
import StemmaTestSupport
import Testing

/// The log-structured bucket index: block layout, in-memory tables, and results equal to an exact
/// LSH computation whichever lookup path (in-memory tables, point lookups on blocks) served them.
@Suite struct BucketRunsTests {
    func temporaryPath() -> String {
        ScratchDirectory.root.appendingPathComponent("stemma-runs-\(UUID().uuidString).db").path
    }

    func randomEntries(count: Int, keys: Int, rng: inout SplitMix64) -> [BucketEntry] {
        let pool = (0..<keys).map { _ in Int64(bitPattern: rng.next()) }
        return (0..<count).map { _ in BucketEntry(key: pool[Int.random(in: 0..<keys, using: &rng)], version: Int64.random(in: 1...1_000_000, using: &rng)) }
    }

    @Test(arguments: 0..<20) func blocksRoundTripAndNeverSplitAKey(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let entries = Array(Set(randomEntries(count: 3_000, keys: 200, rng: &rng))).sortedAndCapped(cap: 64)
        var start = 0
        var decoded: [BucketEntry] = []
        for end in BucketBlock.cuts(of: entries) {
            #expect(end - start <= BucketBlock.maximumEntries)
            if end < entries.count { #expect(entries[end - 1].key != entries[end].key) }
            let blob = BucketBlock.encode(entries[start..<end])
            try blob.withUnsafeBytes { try BucketBlock.decode($0, into: &decoded) }
            let key = entries[start].key
            var versions: [Int64] = []
            try blob.withUnsafeBytes { raw in try BucketBlock.versions(of: key, in: raw) { versions.append($0) } }
            #expect(versions == entries.filter { $0.key == key }.map(\.version))
            start = end
        }
        #expect(decoded == entries)
        #expect(throws: StoreError.corruptBucketBlock(bytes: 5)) {
            try Data([3, 0, 0, 0, 1]).withUnsafeBytes { try BucketBlock.versions(of: 0, in: $0) { _ in } }
        }
    }

    @Test(arguments: 0..<20) func tablesFindTheOldestVersionsOfAKey(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let older = randomEntries(count: Int.random(in: 0..<5_000, using: &rng), keys: 300, rng: &rng)
        let newer = randomEntries(count: 2_000, keys: 300, rng: &rng)
        var table = BucketTable(sorted: older.sortedAndCapped(cap: 64))
        table.merge(newer.sortedAndCapped(cap: 64), cap: 64)
        let all = older + newer
        for key in Set(all.map(\.key)).prefix(50) + [Int64.min, 0, Int64.max] {
            var found: [Int64] = []
            table.versions(of: key) { found.append($0) }
            #expect(found == Array(all.filter { $0.key == key }.map(\.version).sorted().prefix(64)))
        }
    }

    // MARK: Results equal an exact computation

    static let corpus: [Document] = {
        var generator = CorpusGenerator(seed: 4)
        return generator.documents(count: 1_500).map { Document(id: $0.id, text: Array($0.text.utf8), date: $0.date) }
    }()

    /// Families and candidates by brute-force LSH: documents sharing any band key whose estimated
    /// Jaccard reaches the threshold.
    static func exact(_ documents: [Document]) throws -> (families: Set<Set<String>>, matches: [String: Set<String>]) {
        let batch = try Store.empty().prepare(documents)
        var buckets: [[UInt64]: [Int]] = [:]
        for index in documents.indices {
            for (band, key) in batch.bandKeys[index].enumerated() { buckets[[UInt64(band), key], default: []].append(index) }
        }
        var matches: [String: Set<String>] = [:]
        var union = UnionFind(count: documents.count)
        for members in buckets.values where members.count > 1 {
            #expect(members.count <= BatchWriter.bucketCap, "The brute force ignores the bucket cap")
            for i in members {
                for j in members where i < j
                    && MinHasher.estimatedJaccard(batch.sketches[i].signature, batch.sketches[j].signature) >= 0.5 {
                    matches[documents[i].id, default: []].insert(documents[j].id)
                    matches[documents[j].id, default: []].insert(documents[i].id)
                    _ = union.union(i, j)
                }
            }
        }
        let families = union.groups().filter { $0.count > 1 }.map { Set($0.map { documents[$0].id }) }
        return (Set(families), matches)
    }

    func check(_ store: Store, against expected: (families: Set<Set<String>>, matches: [String: Set<String>])) throws {
        #expect(Set(try store.families().map { Set($0.members) }) == expected.families)
        for document in Self.corpus.prefix(60) {
            let found = Set(try store.matches(for: document.text, limit: 1_000).map(\.documentID)).subtracting([document.id])
            #expect(found == expected.matches[document.id] ?? [], "matches of \(document.id)")
        }
    }

    func add(_ documents: ArraySlice<Document>, to store: Store, batch: Int, transaction: Int) throws {
        var rest = documents
        try store.add(batches: {
            guard !rest.isEmpty else { return nil }
            defer { rest = rest.dropFirst(batch) }
            return store.prepare(Array(rest.prefix(batch)))
        }, documentsPerTransaction: transaction) { _ in }
    }

    @Test func bulkAddInMemoryEqualsExact() throws {
        let store = try Store.empty()
        // Many small transactions: many runs written and merged.
        try add(Self.corpus[...], to: store, batch: 64, transaction: 128)
        try check(store, against: try Self.exact(Self.corpus))
    }

    @Test func compactionCarriesRunsLikeABinaryCounter() throws {
        let path = temporaryPath()
        // 15 transactions of 100: equal runs, merged as a binary counter would carry.
        try add(Self.corpus.prefix(1_500), to: try Store.open(path: path), batch: 50, transaction: 100)
        let runs = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT band, entries FROM bucketRun ORDER BY band, run").map { ($0[0] as Int, $0[1] as Int) }
        }
        for band in 0..<26 {
            let sizes = runs.filter { $0.0 == band }.map(\.1)
            #expect(sizes.reduce(0, +) == 1_500)
            // Entries per run: 1,500 in 15 commits carry like binary 1111: 800, 400, 200, 100.
            #expect(sizes == [800, 400, 200, 100], "band \(band)")
            for (older, newer) in zip(sizes, sizes.dropFirst()) { #expect(newer < older) }
        }
    }

    @Test func smallAddsWithPointLookupsEqualExact() throws {
        let path = temporaryPath()
        try add(Self.corpus.prefix(1_400), to: try Store.open(path: path), batch: 256, transaction: 512)
        // A new process adding a few documents at a time to a bigger store looks up blocks.
        let later = try Store.open(path: path)
        later.buckets.loadShare = .infinity
        for start in stride(from: 1_400, to: 1_500, by: 4) { _ = try later.add(Array(Self.corpus[start..<(start + 4)])) }
        #expect(later.buckets.hasTables == false)
        try check(later, against: try Self.exact(Self.corpus))
    }

    @Test func anotherWritersCommitsAreSeen() throws {
        let path = temporaryPath()
        let first = try Store.open(path: path), second = try Store.open(path: path)
        try add(Self.corpus.prefix(600), to: first, batch: 100, transaction: 300)
        #expect(first.buckets.hasTables)
        try add(Self.corpus[600..<1_000], to: second, batch: 100, transaction: 200)
        try add(Self.corpus[1_000...], to: first, batch: 100, transaction: 300)
        try check(first, against: try Self.exact(Self.corpus))
        try check(second, against: try Self.exact(Self.corpus))
    }

    // MARK: Migration

    /// A store as `v2-families` left it, written by hand: the schema of migrations v1 and v2 and
    /// the rows a v2 `index add` made, `lshBucket` included.
    func makeVersion2Store(at path: String, documents: [Document]) throws {
        let batch = try Store.empty().prepare(documents)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1'), ('v2-families');
                CREATE TABLE storeInfo (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                INSERT INTO storeInfo VALUES ('shingle', '5'), ('permutations', '128'), ('seed', '1'), ('threshold', '0.5');
                CREATE TABLE document (
                    id TEXT PRIMARY KEY NOT NULL, source TEXT, url TEXT, title TEXT, date TEXT, latestVersion INTEGER NOT NULL,
                    family TEXT
                ) WITHOUT ROWID;
                CREATE INDEX documentFamily ON document(family);
                CREATE TABLE documentVersion (
                    id INTEGER PRIMARY KEY, documentId TEXT NOT NULL REFERENCES document(id), number INTEGER NOT NULL,
                    contentHash INTEGER NOT NULL, bytes INTEGER NOT NULL, shingles INTEGER NOT NULL, date TEXT, text TEXT,
                    signature BLOB NOT NULL, UNIQUE (documentId, number)
                );
                CREATE TABLE lshBucket (
                    band INTEGER NOT NULL, bucket INTEGER NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (band, bucket, version)
                ) WITHOUT ROWID;
                CREATE TABLE pair (a TEXT NOT NULL, b TEXT NOT NULL, jaccard REAL NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
                """)
            for (index, document) in documents.enumerated() {
                // Signature blob: seed UInt64 LE, count UInt32 LE, count × UInt32 LE.
                var blob = Data()
                withUnsafeBytes(of: UInt64(1).littleEndian) { blob.append(contentsOf: $0) }
                withUnsafeBytes(of: UInt32(128).littleEndian) { blob.append(contentsOf: $0) }
                for value in batch.sketches[index].signature { withUnsafeBytes(of: value.littleEndian) { blob.append(contentsOf: $0) } }
                try db.execute(sql: "INSERT INTO document (id, date, latestVersion, family) VALUES (?, ?, 1, ?)",
                               arguments: [document.id, document.date, document.id])
                try db.execute(sql: """
                    INSERT INTO documentVersion (id, documentId, number, contentHash, bytes, shingles, text, signature)
                    VALUES (?, ?, 1, 0, ?, ?, ?, ?)
                    """, arguments: [index + 1, document.id, document.text.count, batch.sketches[index].shingles,
                                     String(decoding: document.text, as: UTF8.self), blob])
                for (band, key) in batch.bandKeys[index].enumerated() {
                    try db.execute(sql: "INSERT INTO lshBucket VALUES (?, ?, ?)", arguments: [band, Int64(bitPattern: key), index + 1])
                }
            }
        }
        try queue.close()
    }

    @Test func version2StoresMoveTheirBucketsIntoRuns() throws {
        let path = temporaryPath()
        // Families are left unmerged by hand; the versions added after the migration find the
        // migrated ones through the runs.
        let old = Array(Self.corpus.prefix(1_000)), new = Self.corpus[1_000...]
        try makeVersion2Store(at: path, documents: old)
        let store = try Store.open(path: path)
        #expect(store.contentHash == .fnv1a)  // its versions were hashed with FNV-1a
        let tables = try DatabaseQueue(path: path).read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT band) FROM bucketRun"),
             try Int.fetchOne(db, sql: "SELECT sum(entries) FROM bucketRun"))
        }
        #expect(!tables.0.contains("lshBucket") && tables.0.contains("bucketBlock"))
        #expect(tables.1 == 26 && tables.2 == 26 * old.count)
        // Texts stored before text blocks stay where they were, and read as before.
        #expect(try store.version(of: old[5].id)?.text == String(decoding: old[5].text, as: UTF8.self))
        let expected = try Self.exact(Self.corpus)
        for document in old.prefix(60) {
            let found = Set(try store.matches(for: document.text, limit: 1_000).map(\.documentID)).subtracting([document.id])
            #expect(found == (expected.matches[document.id] ?? []).intersection(old.map(\.id)))
        }
        _ = try store.add(Array(new))
        // Each added document joined the family of every document it matches, migrated ones included.
        for document in new {
            let family = try #require(try store.version(of: document.id)).family
            for other in expected.matches[document.id] ?? [] { #expect(try store.version(of: other)?.family == family) }
        }
    }
}

extension Array where Element == BucketEntry {
    /// The entries sorted by (key, version) with at most `cap` per key, the oldest.
    func sortedAndCapped(cap: Int) -> [BucketEntry] {
        [BucketEntry]().merged(with: sorted(), cap: cap)
    }
}
