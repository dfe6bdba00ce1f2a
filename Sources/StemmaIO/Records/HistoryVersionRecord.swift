package import StemmaCore

/// A version of a family's history as a line of `stemma history --format jsonl` and an element of
/// the `versions` of `GET /api/families/{id}/history`: `{"changes", "date", "editedBytes", "id",
/// "number", "parent", "tags", "version"}`.
///
/// Versions are numbered from 1 by their place in the whole history, as the text output numbers
/// them: `number` is this version's, and `parent` the number of the version it most likely derives
/// from (text: `3. a v2  ← 1`). `date` is left out for a version indexed without one.
package struct HistoryVersionRecord: Sendable, JSONRecord {
    package var entry: HistoryEntry
    /// The entry's place in the whole history, from 0 (``HistoryEntry/parent`` counts so too).
    package var position: Int

    package init(_ entry: HistoryEntry, position: Int) {
        self.entry = entry
        self.position = position
    }

    /// The records of a window of a history whose first entry is at `start`.
    package static func records(_ entries: [HistoryEntry], start: Int) -> [HistoryVersionRecord] {
        zip(start..., entries).map { HistoryVersionRecord($1, position: $0) }
    }

    package var jsonValue: JSONValue {
        .sortedObject([
            ("id", .string(entry.documentID)), ("version", .int(entry.version)), ("number", .int(position + 1)),
            ("date", entry.date.json), ("parent", entry.parent.map { JSONValue.int($0 + 1) }),
            ("editedBytes", entry.editedBytes.map(JSONValue.int)), ("changes", .counts(entry.changes)), ("tags", .counts(entry.tags)),
        ])
    }
}
