package import StemmaCore

/// A window of a family's history: what `GET /api/families/{id}/history` answers and `stemma
/// history --format json` writes, `{"family", "id", "limit", "offset", "start", "total",
/// "versions"}`, the versions oldest first.
package struct HistoryPageRecord: Sendable, JSONRecord {
    /// The id asked about, and the family it belongs to.
    package var id: String
    package var family: String
    /// Versions in the whole history.
    package var total: Int
    /// The position in the whole history of `versions[0]`, from 0: its `number` is `start + 1`.
    package var start: Int
    package var limit: Int
    package var offset: Int
    package var versions: [HistoryEntry]

    package init(id: String, family: String, total: Int, start: Int, limit: Int, offset: Int, versions: [HistoryEntry]) {
        self.id = id
        self.family = family
        self.total = total
        self.start = start
        self.limit = limit
        self.offset = offset
        self.versions = versions
    }

    package var jsonValue: JSONValue {
        .document("versions", HistoryVersionRecord.records(versions, start: start), with: [
            ("id", .string(id)), ("family", .string(family)), ("total", .int(total)), ("start", .int(start)),
            ("limit", .int(limit)), ("offset", .int(offset)),
        ])
    }
}
