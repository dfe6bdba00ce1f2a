import GRDB

/// The bucket side of one write transaction: candidate lookups over the committed runs (in-memory
/// tables or point lookups on blocks) and over the transaction's own entries, kept in memory until
/// ``flush()`` writes them as one new run per band, inside the transaction, so that a killed
/// process leaves whole transactions only.
final class BucketSession {
    let db: Database
    let bands: Int
    /// The committed runs of each band when the transaction began.
    private let runs: [[BucketRun]]
    private let storedVersions: Int
    private let addedBefore: Int
    private let loadShare: Double
    /// The committed entries of each band, when loaded; nil for point lookups.
    private(set) var tables: [BucketTable]?
    /// The transaction's entries of each band, at most ``BucketRuns/cap`` per key. Their versions
    /// are all newer than the committed ones: row ids only grow.
    private var pending: [BucketTable]
    private(set) var added = 0
    /// The catalog after ``flush()``; nil before.
    private(set) var finalCatalog: [BucketRun]?

    init(db: Database, bands: Int, catalog: [BucketRun], tables: [BucketTable]?, addedBefore: Int, loadShare: Double) {
        self.db = db
        self.bands = bands
        var runs = Array(repeating: [BucketRun](), count: bands)
        for run in catalog where run.band < bands { runs[run.band].append(run) }
        self.runs = runs
        storedVersions = catalog.reduce(0) { $0 + $1.entries } / max(1, bands)
        self.tables = tables?.count == bands ? tables : nil
        self.addedBefore = addedBefore
        self.loadShare = loadShare
        pending = Array(repeating: BucketTable(), count: bands)
    }

    /// Called before a batch of `count` versions is looked up: loads the tables once the process's
    /// adds make that cheaper than point lookups.
    func prepare(forVersions count: Int) throws {
        guard tables == nil else { return }
        let adding = Double(addedBefore + added + count)
        guard adding >= Double(storedVersions) * loadShare else { return }
        let reader = BucketRuns(db: db)
        tables = try runs.map { bandRuns in
            var entries: [BucketEntry] = []
            for run in bandRuns { entries = entries.merged(with: try reader.read(run), cap: BucketRuns.cap) }
            return BucketTable(sorted: entries)
        }
    }

    /// How many keys ahead ``lookUp(band:keys:found:)`` prefetches table entries.
    static let prefetchDistance = 8

    /// Calls `found` with the index in `keys` and each version in that bucket of `band`, at most
    /// ``BatchWriter/bucketCap`` per bucket, oldest first.
    func lookUp(band: Int, keys: [UInt64], found: (Int, Int64) -> Void) throws {
        let cap = BucketRuns.cap
        let reader = BucketRuns(db: db)
        var versions: [Int64] = []
        for (index, key) in keys.enumerated() {
            let signed = Int64(bitPattern: key)
            var taken = 0
            if let tables {
                if index + Self.prefetchDistance < keys.count {
                    tables[band].prefetch(Int64(bitPattern: keys[index + Self.prefetchDistance]))
                }
                taken = tables[band].versions(of: signed) { found(index, $0) }
            } else {
                versions.removeAll(keepingCapacity: true)
                for run in runs[band] { try reader.versions(of: signed, in: run) { versions.append($0) } }
                versions.sort()
                for version in versions.prefix(cap) { found(index, version) }
                taken = min(cap, versions.count)
            }
            guard taken < cap, !pending[band].isEmpty else { continue }
            pending[band].versions(of: signed) { version in
                if taken < cap { found(index, version) }
                taken += 1
            }
        }
    }

    /// Adds a batch's entries of each band (`entries[band]`, sorted) to the transaction's.
    func insert(_ entries: [[BucketEntry]], versions: Int) {
        for band in 0..<bands where !entries[band].isEmpty {
            pending[band].merge(entries[band], cap: BucketRuns.cap)
        }
        added += versions
    }

    /// Writes the transaction's entries as one run per band and merges runs where the tiers ask.
    func flush() throws {
        let writer = BucketRuns(db: db)
        for band in 0..<bands where !pending[band].isEmpty {
            try writer.write(pending[band].entries, band: band)
            try writer.compact(band: band)
        }
        finalCatalog = try writer.catalog()
    }

    /// The tables with the transaction's entries merged in, or nil when they were not loaded.
    func mergedTables() -> [BucketTable]? {
        guard var tables else { return nil }
        self.tables = nil
        for band in 0..<bands {
            tables[band].merge(pending[band].entries, cap: BucketRuns.cap)
        }
        return tables
    }
}
