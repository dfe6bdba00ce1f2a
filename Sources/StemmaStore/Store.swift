import GRDB
import StemmaCore
import Foundation

/// An incremental index of documents and their versions on SQLite (WAL mode), for finding what a
/// new text is a version or copy of.
///
/// ```swift
/// let store = try Store.open(path: "stemma.db", parameters: StoreParameters())
/// try store.add([Document(id: "a", text: Array(text.utf8))], keepText: true)
/// let matches = try store.matches(for: Array(query.utf8))
/// ```
public final class Store: Sendable {
    public let path: String
    public let parameters: StoreParameters
    /// Opened with `readOnly`: every add fails.
    public let isReadOnly: Bool
    /// How this store's content hashes were computed.
    let contentHash: ContentHashAlgorithm
    let writer: any DatabaseWriter
    let sketcher: DocumentSketcher
    let lsh: LSHParameters
    /// The bucket runs this process keeps in memory for its adds.
    let buckets = BucketIndex()

    init(path: String, writer: any DatabaseWriter, parameters: StoreParameters, contentHash: ContentHashAlgorithm,
         isReadOnly: Bool = false) throws {
        self.path = path
        self.isReadOnly = isReadOnly
        self.writer = writer
        self.parameters = parameters
        self.contentHash = contentHash
        (sketcher, lsh) = try parameters.validated()
    }

    /// Opens or creates the store at `path`. With `parameters` nil, those it was made with are used
    /// (the defaults for a new store); otherwise they must match them.
    ///
    /// With `readOnly`, the store must exist and be up to date, and nothing is ever written: for
    /// the commands that only read, so that they work on a file they may not change.
    ///
    /// - Throws: ``StoreError`` for a file that cannot be opened (saying why: a missing folder,
    ///   permissions, a read-only file), is not a Stemma database, has a newer schema or other
    ///   parameters; nothing is written in those cases.
    public static func open(path: String, parameters: StoreParameters? = nil, readOnly: Bool = false) throws -> Store {
        try open(path: path, requesting: parameters.map(StoreParameters.Request.init) ?? StoreParameters.Request(), readOnly: readOnly)
    }

    /// Opens or creates the store at `path`: an existing store must have the parameters
    /// `requested` names and supplies the others; a new one takes the defaults for those not named.
    ///
    /// The parameters are checked before the file is touched, so that invalid ones (a shingle
    /// size the sketcher refuses) never leave behind a store that cannot be opened.
    public static func open(path: String, requesting requested: StoreParameters.Request, readOnly: Bool = false) throws -> Store {
        // Only a new store takes the parameters asked for (an existing one must match its own):
        // the band search behind `validated()` is a few million instructions, so it runs once.
        if !readOnly, !FileManager.default.fileExists(atPath: path) { _ = try requested.filled.validated() }
        try StoreFile.check(path, readOnly: readOnly)
        let pool: DatabasePool
        do {
            var configuration = Configuration()
            configuration.readonly = readOnly
            configuration.busyMode = .timeout(10)
            // WAL with synchronous=NORMAL: a killed process loses nothing committed; only a power
            // failure can lose the last transactions, never corrupt the file.
            // A page cache of up to 256 MiB and reads through mmap: the bucket index is read at
            // random, and SQLite's default 2 MB cache made most of an add's time pread copies.
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA mmap_size = 2147483648")
                guard !readOnly else { return }
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // 16 KiB pages (taking effect in a new file only): a version's text and signature
                // fit one page, and a commit writes a quarter of the frames.
                try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA wal_autocheckpoint = \(walAutocheckpoint)")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreFile.openFailure(path, readOnly: readOnly, error: error)
        }
        let (stored, contentHash) = try prepare(pool, path: path, requested: requested, readOnly: readOnly)
        return try Store(path: path, writer: pool, parameters: stored, contentHash: contentHash, isReadOnly: readOnly)
    }

    /// Whether this process may write the store at `path` (or create it): the file and its folder
    /// are writable. `stemma serve` serves a store it may not write read-only.
    public static func isWritable(path: String) -> Bool {
        StoreFile.isWritable(path)
    }

    /// WAL pages after which a commit checkpoints (64 MiB at 16 KiB pages).
    static let walAutocheckpoint = 4096

    /// A new, empty store in memory, with the real migrations: for tests.
    public static func empty(parameters: StoreParameters = StoreParameters()) throws -> Store {
        _ = try parameters.validated()
        let queue = try DatabaseQueue()
        let (stored, contentHash) = try prepare(queue, path: ":memory:", requested: StoreParameters.Request(parameters))
        return try Store(path: ":memory:", writer: queue, parameters: stored, contentHash: contentHash)
    }

    /// Checks the file, migrates it when needed and returns its parameters and content hash. An
    /// up-to-date store is only read, so opening one never waits for a long `index add` transaction
    /// to end.
    static func prepare(_ writer: any DatabaseWriter, path: String, requested: StoreParameters.Request, readOnly: Bool = false) throws
        -> (StoreParameters, ContentHashAlgorithm)
    {
        do {
            let (current, stored) = try writer.read { db -> (Bool, (StoreParameters, ContentHashAlgorithm)?) in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if !tables.isEmpty, !tables.contains("storeInfo") { throw StoreError.notAStemmaDatabase(path: path) }
                let applied = try migrator.appliedIdentifiers(db)
                if !applied.isSubset(of: Set(migrator.migrations)) { throw StoreError.newerSchema(path: path) }
                let current = try migrator.hasCompletedMigrations(db)
                guard current, let parameters = try storedParameters(in: db) else { return (current, nil) }
                return (current, (parameters, try contentHash(in: db, path: path)))
            }
            if current, let stored { return (try checked(stored.0, requested: requested, path: path), stored.1) }
            if readOnly { throw StoreError.needsUpgrade(path: path) }
            try migrator.migrate(writer)
            return try writer.write { db in
                (try parameters(in: db, path: path, requested: requested), try contentHash(in: db, path: path))
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.notADatabase(path: path, reason: error.message ?? "corrupt")
        } catch let error as DatabaseError {
            throw StoreFile.openFailure(path, readOnly: readOnly, error: error)
        }
    }

    static func storedParameters(in db: Database) throws -> StoreParameters? {
        let info = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM storeInfo").map {
            (try $0.checked("key") as String, try $0.checked("value") as String)
        })
        guard let shingle = info["shingle"].flatMap(Int.init), let permutations = info["permutations"].flatMap(Int.init),
            let seed = info["seed"].flatMap(UInt64.init), let threshold = info["threshold"].flatMap(Double.init)
        else { return nil }
        return StoreParameters(shingleSize: shingle, permutations: permutations, seed: seed, threshold: threshold)
    }

    static func checked(_ stored: StoreParameters, requested: StoreParameters.Request, path: String) throws -> StoreParameters {
        if !requested.accepts(stored) {
            throw StoreError.parametersMismatch(path: path, stored: stored.description, requested: requested.description)
        }
        return stored
    }

    /// The store's content hash algorithm: FNV-1a without a record (a store made before there was
    /// a choice).
    ///
    /// - Throws: ``StoreError/newerSchema(path:)`` for an algorithm this version does not know.
    static func contentHash(in db: Database, path: String) throws -> ContentHashAlgorithm {
        let key = ContentHashAlgorithm.storeInfoKey
        guard let name = try String.fetchOne(db, sql: "SELECT value FROM storeInfo WHERE key = ?", arguments: [key]) else {
            return .fnv1a
        }
        guard let algorithm = ContentHashAlgorithm(rawValue: name) else { throw StoreError.newerSchema(path: path) }
        return algorithm
    }

    /// The stored parameters, recording `requested` (and the current content hash) in a new store
    /// and refusing a mismatch.
    static func parameters(in db: Database, path: String, requested: StoreParameters.Request) throws -> StoreParameters {
        if let stored = try storedParameters(in: db) { return try checked(stored, requested: requested, path: path) }
        let parameters = requested.filled
        for (key, value) in [("shingle", "\(parameters.shingleSize)"), ("permutations", "\(parameters.permutations)"),
                             ("seed", "\(parameters.seed)"), ("threshold", "\(parameters.threshold)"),
                             (ContentHashAlgorithm.storeInfoKey, ContentHashAlgorithm.current.rawValue)] {
            try db.execute(sql: "INSERT INTO storeInfo (key, value) VALUES (?, ?)", arguments: [key, value])
        }
        return parameters
    }
}
