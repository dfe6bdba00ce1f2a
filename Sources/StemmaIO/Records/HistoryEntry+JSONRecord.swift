public import StemmaCore

/// A version of a family's history as a line of `stemma history --format jsonl` and an element of
/// the `versions` of `GET /api/families/{id}/history`: `{"changes", "date", "editedBytes", "id",
/// "parent", "tags", "version"}`. `parent` is the index, in the same history, of the version this
/// one most likely derives from; `date` is left out when the version has none.
extension HistoryEntry: JSONRecord {
    package var jsonValue: JSONValue {
        .sortedObject([
            ("id", .string(documentID)), ("version", .int(version)), ("date", date.json), ("parent", parent.map(JSONValue.int)),
            ("editedBytes", editedBytes.map(JSONValue.int)), ("changes", .counts(changes)), ("tags", .counts(tags)),
        ])
    }
}
