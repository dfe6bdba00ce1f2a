public import StemmaCore

/// One version of a family's history as JSON: what `stemma history --format json` writes per line
/// and `GET /api/families/{id}/history` lists.
///
/// `parent` is the index, in the same history, of the version this one most likely derives from.
public struct HistoryRecord: Codable, Sendable, Equatable {
    public var id: String
    public var version: Int
    public var date: String?
    public var parent: Int?
    public var editedBytes: Int?
    /// Operations of the diff from the parent, by kind.
    public var changes: [String: Int]
    /// How many operations carry each tag.
    public var tags: [String: Int]

    public init(_ entry: HistoryEntry) {
        id = entry.documentID
        version = entry.version
        date = entry.date
        parent = entry.parent
        editedBytes = entry.editedBytes
        changes = Dictionary(uniqueKeysWithValues: entry.changes.map { ($0.key.rawValue, $0.value) })
        tags = Dictionary(uniqueKeysWithValues: entry.tags.map { ($0.key.rawValue, $0.value) })
    }
}
