import GRDB

/// A row of the `documentVersion` table without its signature: one recorded text of a document
/// and where its text is kept.
///
/// The add and match paths read these columns with their own statements (bound through the C
/// API, see ``BatchWriter``); the other reads go through this record.
struct VersionRow: FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "documentVersion"

    enum Columns {
        static let id = Column("id")
        static let documentId = Column("documentId")
        static let number = Column("number")
        static let bytes = Column("bytes")
        static let date = Column("date")
        static let text = Column("text")
        static let textBlock = Column("textBlock")
        static let textOffset = Column("textOffset")
    }

    /// The columns this record reads: everything but the contentHash, shingles and signature.
    static var databaseSelection: [any SQLSelectable] {
        [Columns.id, Columns.documentId, Columns.number, Columns.bytes, Columns.date, Columns.text, Columns.textBlock, Columns.textOffset]
    }

    var id: Int64
    var documentID: String
    var number: Int
    var date: String?
    /// Where the text is kept, if the store keeps it.
    var text: StoredTextLocation

    init(row: Row) throws {
        id = try row.checked(Columns.id.name)
        documentID = try row.checked(Columns.documentId.name)
        number = try row.checkedCount(Columns.number.name, in: 1...Int.max)
        date = try row.checked(Columns.date.name)
        text = try StoredTextLocation(row: row)
    }
}

/// Where a version's text is kept: in `documentVersion.text` (texts stored before text blocks),
/// at an offset of a ``TextBlock``, or nowhere (a store filled without texts).
struct StoredTextLocation: FetchableRecord, Sendable {
    static var databaseSelection: [any SQLSelectable] {
        [VersionRow.Columns.text, VersionRow.Columns.textBlock, VersionRow.Columns.textOffset, VersionRow.Columns.bytes]
    }

    var inline: String?
    var block: Int64?
    var offset: Int?
    var bytes: Int

    init(row: Row) throws {
        inline = try row.checked(VersionRow.Columns.text.name)
        block = try row.checked(VersionRow.Columns.textBlock.name)
        offset = try row.checked(VersionRow.Columns.textOffset.name)
        bytes = try row.checkedCount(VersionRow.Columns.bytes.name)
    }
}
