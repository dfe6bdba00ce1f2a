public import StemmaCore

/// A document as a line of `stemma index list --format jsonl` and an element of the `documents`
/// of its `--format json`: `{"date", "family", "id", "latestVersion", "source", "title"}`, a
/// missing date, source or title left out.
extension StoredDocumentSummary: JSONRecord {
    package var jsonValue: JSONValue {
        .sortedObject([
            ("id", .string(id)), ("latestVersion", .int(latestVersion)), ("family", .string(family)),
            ("date", date.json), ("source", source.json), ("title", title.json),
        ])
    }
}
