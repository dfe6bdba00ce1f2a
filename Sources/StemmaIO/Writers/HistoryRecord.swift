public import StemmaCore

/// One version of a family's history as JSON: what `stemma history --format json` writes per line
/// and `GET /api/families/{id}/history` lists.
///
/// Versions are numbered from 1 by their place in the whole history, as the text output numbers
/// them: `number` is this version's, and `parent` the number of the version it most likely derives
/// from (text: `3. a v2  ← 1`). `date` is absent for a version indexed without one.
public struct HistoryRecord: Codable, Sendable, Equatable {
    public var id: String
    public var version: Int
    public var number: Int
    public var date: String?
    public var parent: Int?
    public var editedBytes: Int?
    /// Operations of the diff from the parent, by kind.
    public var changes: [String: Int]
    /// How many operations carry each tag.
    public var tags: [String: Int]

    /// - Parameter position: The entry's place in the whole history, from 0 (``HistoryEntry/parent`` counts so too).
    public init(_ entry: HistoryEntry, position: Int) {
        id = entry.documentID
        version = entry.version
        number = position + 1
        date = entry.date
        parent = entry.parent.map { $0 + 1 }
        editedBytes = entry.editedBytes
        changes = Dictionary(uniqueKeysWithValues: entry.changes.map { ($0.key.rawValue, $0.value) })
        tags = Dictionary(uniqueKeysWithValues: entry.tags.map { ($0.key.rawValue, $0.value) })
    }
}
