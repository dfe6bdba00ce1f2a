import StemmaCore
import GRDB
import GRDBSQLite

extension BatchWriter {
    /// Where a version's text is: a `textBlock` row and the offset in its decompressed bytes.
    struct TextLocation {
        var block: Int64
        var offset: Int
    }

    /// Writes the texts of the documents at `indices` as text blocks, and returns where each
    /// document's text went (nil for the others).
    ///
    /// The blocks compressed by ``Store/prepare(_:keepText:)`` are written as they are when all
    /// their documents are new versions. The texts of unchanged documents are not stored again,
    /// so the new ones among them are compressed here into blocks of their own.
    func storeTexts(of indices: [Int], in batch: PreparedBatch) throws -> [TextLocation?] {
        var locations = [TextLocation?](repeating: nil, count: batch.count)
        var written = [Bool](repeating: false, count: batch.count)
        for index in indices { written[index] = true }
        var leftovers: [Int] = []
        if let blocks = batch.textBlocks {
            for block in blocks {
                let kept = block.members.filter { written[$0] }
                if kept.count == block.members.count {
                    try insert(block, locating: &locations)
                } else {
                    leftovers += kept
                }
            }
        } else {
            leftovers = indices
        }
        if !leftovers.isEmpty {
            for block in TextBlock.blocks(of: leftovers, texts: batch.documents.map(\.text)) {
                try insert(block, locating: &locations)
            }
        }
        return locations
    }

    private func insert(_ block: TextBlock, locating locations: inout [TextLocation?]) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO textBlock (codec, bytes, data) VALUES (?, ?, ?)")
        // Bound with the C API, without a copy: the blocks hold most of the bytes an add writes.
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
        sqlite3_bind_int64(handle, 1, Int64(block.codec.rawValue))
        sqlite3_bind_int64(handle, 2, Int64(block.bytes))
        let code = block.data.withUnsafeBytes { data in
            // An empty buffer may have no address, which SQLite would bind as NULL.
            if data.isEmpty { sqlite3_bind_zeroblob(handle, 3, 0) } else { sqlite3_bind_blob(handle, 3, data.baseAddress, Int32(data.count), nil) }
            return sqlite3_step(handle)
        }
        try check(code, statement)
        let id = db.lastInsertedRowID
        for (member, offset) in zip(block.members, block.offsets) {
            locations[member] = TextLocation(block: id, offset: offset)
        }
    }
}
