public import StemmaCore

/// A stored version as `GET /api/documents/{id}` answers it: `{"bytes", "date", "family", "id",
/// "latestVersion", "source", "text", "title", "url", "version"}`, the metadata left out when
/// absent and `text` when the index keeps none.
extension StoredVersion: JSONRecord {
    package var jsonValue: JSONValue {
        .sortedObject([
            ("id", .string(documentID)), ("version", .int(version)), ("latestVersion", .int(latestVersion)), ("family", .string(family)),
            ("date", date.json), ("title", title.json), ("url", url.json), ("source", source.json), ("bytes", .int(bytes)),
            ("text", text.json),
        ])
    }
}
