import GRDB

/// A row of the `document` table: a document's metadata and its latest version number.
///
/// Decoded through ``Row/checked(_:)``, so that a tampered value is ``StoreError/corruptValue``
/// rather than a trap or GRDB's decoding error.
struct DocumentRow: FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "document"

    enum Columns {
        static let id = Column("id")
        static let source = Column("source")
        static let url = Column("url")
        static let title = Column("title")
        static let date = Column("date")
        static let latestVersion = Column("latestVersion")
        static let family = Column("family")
    }

    var id: String
    var source: String?
    var url: String?
    var title: String?
    var date: String?
    var latestVersion: Int
    var family: String

    init(row: Row) throws {
        id = try row.checked(Columns.id.name)
        source = try row.checked(Columns.source.name)
        url = try row.checked(Columns.url.name)
        title = try row.checked(Columns.title.name)
        date = try row.checked(Columns.date.name)
        latestVersion = try row.checkedCount(Columns.latestVersion.name, in: 1...Int.max)
        family = try row.checked(Columns.family.name)
    }
}
