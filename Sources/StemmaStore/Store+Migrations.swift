import GRDB

extension Store {
    /// Migrations only append; a released one is never edited.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE storeInfo (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE document (
                    id TEXT PRIMARY KEY NOT NULL, source TEXT, url TEXT, title TEXT, date TEXT,
                    latestVersion INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE documentVersion (
                    id INTEGER PRIMARY KEY,
                    documentId TEXT NOT NULL REFERENCES document(id),
                    number INTEGER NOT NULL,
                    contentHash INTEGER NOT NULL,
                    bytes INTEGER NOT NULL,
                    shingles INTEGER NOT NULL,
                    date TEXT,
                    text TEXT,
                    signature BLOB NOT NULL,
                    UNIQUE (documentId, number)
                );
                CREATE TABLE lshBucket (
                    band INTEGER NOT NULL, bucket INTEGER NOT NULL, version INTEGER NOT NULL,
                    PRIMARY KEY (band, bucket, version)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2-families") { db in
            // Every document starts as its own family; adds merge families whose texts match.
            try db.execute(sql: """
                ALTER TABLE document ADD COLUMN family TEXT;
                UPDATE document SET family = id;
                CREATE INDEX documentFamily ON document(family);
                CREATE TABLE pair (
                    a TEXT NOT NULL, b TEXT NOT NULL, jaccard REAL NOT NULL,
                    PRIMARY KEY (a, b)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3-bucket-runs") { db in
            // The bucket index becomes log-structured (see BucketRuns): sorted runs of
            // (key, version) entries per band, in blobs of up to 250 entries.
            try db.execute(sql: """
                CREATE TABLE bucketBlock (
                    band INTEGER NOT NULL, run INTEGER NOT NULL, firstKey INTEGER NOT NULL, entries BLOB NOT NULL,
                    PRIMARY KEY (band, run, firstKey)
                ) WITHOUT ROWID;
                CREATE TABLE bucketRun (
                    band INTEGER NOT NULL, run INTEGER NOT NULL, entries INTEGER NOT NULL,
                    PRIMARY KEY (band, run)
                ) WITHOUT ROWID;
                """)
            try MigrationV3.moveBucketRows(in: db)
            try db.execute(sql: "DROP TABLE lshBucket")
        }
        migrator.registerMigration("v4-text-blocks") { db in
            // New texts are stored compressed, several to a block (see TextBlock); the texts
            // stored before stay in documentVersion.text and are read from there.
            try db.execute(sql: """
                CREATE TABLE textBlock (
                    id INTEGER PRIMARY KEY, codec INTEGER NOT NULL, bytes INTEGER NOT NULL, data BLOB NOT NULL
                );
                ALTER TABLE documentVersion ADD COLUMN textBlock INTEGER REFERENCES textBlock(id);
                ALTER TABLE documentVersion ADD COLUMN textOffset INTEGER;
                """)
        }
        return migrator
    }()
}
