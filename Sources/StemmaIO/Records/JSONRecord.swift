/// A record Stemma writes as JSON: a line of a command's `--format jsonl`, an element of its
/// `--format json` document, and an element of the HTTP API's response to the same question.
///
/// Each record type writes its JSON here and nowhere else, with sorted keys, so that a match, a
/// family or a history entry reads the same from `stemma … --format jsonl` and from `stemma serve`
/// (ripgrep keeps every output format in one crate for the same reason).
package protocol JSONRecord {
    var jsonValue: JSONValue { get }
}

/// How a command writes records.
package enum RecordFormat: String, Sendable, CaseIterable {
    /// One JSON document: the object the HTTP API answers with, its records in an array.
    case json
    /// JSON Lines: one record per line, nothing else.
    case jsonl
}

extension JSONValue {
    /// The object `{"key": [records…], other members…}` with its members in key order, as the API
    /// answers and `--format json` writes.
    package static func document(_ key: String, _ records: [some JSONRecord], with members: [(String, JSONValue)] = []) -> JSONValue {
        .object(([(key, .array(records.map(\.jsonValue)))] + members).sorted { $0.0 < $1.0 })
    }

    /// Counts by name, keys sorted.
    package static func counts<Key: RawRepresentable<String>>(_ values: [Key: Int]) -> JSONValue {
        .object(values.map { ($0.key.rawValue, JSONValue.int($0.value)) }.sorted { $0.0 < $1.0 })
    }

    /// The members whose value is not nil, sorted by key.
    package static func sortedObject(_ members: [(String, JSONValue?)]) -> JSONValue {
        .object(members.compactMap { key, value in value.map { (key, $0) } }.sorted { $0.0 < $1.0 })
    }
}

extension Optional where Wrapped == String {
    /// The string as JSON, or nil to leave the member out.
    package var json: JSONValue? { map(JSONValue.string) }
}

extension JSONRecord {
    /// The record as one line of JSON Lines, newline included.
    package var jsonLine: [UInt8] { jsonValue.utf8(pretty: false) + [0x0A] }
}
