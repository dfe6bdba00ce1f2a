import Foundation
import GRDB

/// Reads the texts of stored versions: from `documentVersion.text` (texts stored before text
/// blocks) or from their ``TextBlock``, decompressing a block once for consecutive reads of it.
struct StoredTextReader {
    let db: Database
    private var cached: (id: Int64, bytes: [UInt8])?

    init(db: Database) {
        self.db = db
    }

    /// The text kept at `location`; nil when the store was filled without texts.
    mutating func text(at location: StoredTextLocation) throws -> String? {
        if let text = location.inline { return text }
        guard let block = location.block, let offset = location.offset else { return nil }
        let length = location.bytes
        let bytes = try decompressed(block)
        guard offset >= 0, length >= 0, offset <= bytes.count - length else {
            throw StoreError.corruptTextBlock(id: block, reason: "a text at \(offset) for \(length) bytes is outside its \(bytes.count) bytes")
        }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    /// The decompressed bytes of text block `id`.
    mutating func bytes(ofBlock id: Int64) throws -> [UInt8] {
        try decompressed(id)
    }

    private mutating func decompressed(_ id: Int64) throws -> [UInt8] {
        if let cached, cached.id == id { return cached.bytes }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT codec, bytes, data FROM textBlock WHERE id = ?"), arguments: [id]) else {
            throw StoreError.corruptTextBlock(id: id, reason: "missing")
        }
        let data: [UInt8] = try (row.checked("data") as Data?).map(Array.init) ?? []
        let bytes = try TextBlock.decompressed(id: id, codec: row.checked("codec"), bytes: row.checked("bytes"), data: data)
        cached = (id, bytes)
        return bytes
    }
}
