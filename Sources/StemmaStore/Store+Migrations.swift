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
        return migrator
    }()
}
