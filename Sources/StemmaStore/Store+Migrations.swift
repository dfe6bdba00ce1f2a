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
        migrator.registerMigration("v5-watch") { db in
            // `stemma watch`: what is watched and when it is due (times are seconds since 1970,
            // UTC), a log of every fetch, and the response each watched version was read from
            // (its body compressed with the texts' codec), so that pages can be re-extracted
            // and exported as WARC.
            try db.execute(sql: """
                CREATE TABLE watchFeed (
                    url TEXT PRIMARY KEY NOT NULL, added REAL NOT NULL, lastCheck REAL, nextCheck REAL NOT NULL,
                    etag TEXT, lastModified TEXT, failures INTEGER NOT NULL DEFAULT 0, lastStatus INTEGER, title TEXT
                ) WITHOUT ROWID;
                CREATE TABLE watchPage (
                    url TEXT PRIMARY KEY NOT NULL, feed TEXT, documentId TEXT, firstSeen REAL NOT NULL,
                    lastCheck REAL, lastChange REAL, nextCheck REAL, etag TEXT, lastModified TEXT,
                    failures INTEGER NOT NULL DEFAULT 0, lastStatus INTEGER
                ) WITHOUT ROWID;
                CREATE INDEX watchPageDue ON watchPage(nextCheck);
                CREATE TABLE fetchLog (
                    id INTEGER PRIMARY KEY, url TEXT NOT NULL, time REAL NOT NULL, status INTEGER, bytes INTEGER,
                    etag TEXT, outcome TEXT NOT NULL, message TEXT, nextCheck REAL, failures INTEGER NOT NULL
                );
                CREATE TABLE capture (
                    version INTEGER PRIMARY KEY REFERENCES documentVersion(id),
                    url TEXT NOT NULL, fetched REAL NOT NULL, status INTEGER NOT NULL, headers TEXT NOT NULL,
                    codec INTEGER NOT NULL, bytes INTEGER NOT NULL, body BLOB NOT NULL,
                    minor INTEGER NOT NULL DEFAULT 0
                );
                """)
        }
        migrator.registerMigration("v6-capture-ids") { db in
            // A version can hold several captures: `stemma index reextract` merges versions that a
            // better extractor reads as one text, and keeps every response they were read from.
            // Each capture keeps its row id (the version's, before), so exports keep their order.
            try db.execute(sql: """
                CREATE TABLE newCapture (
                    id INTEGER PRIMARY KEY, version INTEGER NOT NULL REFERENCES documentVersion(id),
                    url TEXT NOT NULL, fetched REAL NOT NULL, status INTEGER NOT NULL, headers TEXT NOT NULL,
                    codec INTEGER NOT NULL, bytes INTEGER NOT NULL, body BLOB NOT NULL,
                    minor INTEGER NOT NULL DEFAULT 0
                );
                INSERT INTO newCapture (id, version, url, fetched, status, headers, codec, bytes, body, minor)
                    SELECT version, version, url, fetched, status, headers, codec, bytes, body, minor FROM capture;
                DROP TABLE capture;
                ALTER TABLE newCapture RENAME TO capture;
                CREATE INDEX captureVersion ON capture(version);
                """)
        }
        return migrator
    }()
}
