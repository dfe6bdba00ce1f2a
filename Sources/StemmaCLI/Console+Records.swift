import StemmaIO

extension RecordFormat {
    /// Records as `--format json` (one document, the object the HTTP API answers with, indented)
    /// or `--format jsonl` (one compact record per line, nothing else).
    ///
    /// - Parameters:
    ///   - key: the member holding the records in the JSON document, as in the API's response.
    ///   - members: the document's other members; JSON Lines leaves them out.
    func bytes(_ records: [some JSONRecord], key: String, with members: [(String, JSONValue)] = []) -> [UInt8] {
        switch self {
        case .json:
            return JSONValue.document(key, records, with: members).utf8(pretty: true) + [0x0A]
        case .jsonl:
            var bytes: [UInt8] = []
            for record in records { bytes += record.jsonLine }
            return bytes
        }
    }
}

extension OutputDestination {
    func write(_ records: [some JSONRecord], as format: RecordFormat, key: String, with members: [(String, JSONValue)] = []) throws {
        try write(format.bytes(records, key: key, with: members))
    }
}
