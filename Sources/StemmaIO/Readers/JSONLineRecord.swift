import StemmaCore
/// The fields of one JSONL record, by the one rule that the first read and every exact re-read
/// (``RecordFetcher``) share.
///
/// **A repeated key: the first wins**, for every member, and each repeat is a warning. The first
/// pass used to keep the last `text` while the re-read kept the first, so `--verify exact` checked
/// other text than was sketched (issue 11). First-wins is what a streaming reader can decide
/// without looking ahead, and what Go's and Rust's `serde_json` first-match lookups return.
struct JSONLineRecord {
    /// The text member, decoded but not yet checked to be UTF-8.
    var text: [UInt8]
    var id: String?
    /// `title`, `date`, `url`, `source`, when they are strings.
    var metadata = Metadata()
    /// The other members as JSON text, in input order.
    var extra: [Document.Member] = []
    /// Warnings about a record that is still read.
    var warnings: [String] = []

    /// Why a line is not a record, for a skipped-record report.
    struct Problem: Error {
        var reason: String
    }

    static let metadataFields: Set<String> = ["title", "date", "url", "source"]

    /// The four metadata members, in fields rather than a dictionary: hashing each key to set and
    /// read them, and the dictionary itself, were per-record costs of reading JSONL.
    struct Metadata {
        var title: String?
        var date: String?
        var url: String?
        var source: String?

        /// Whether `key` names a metadata member; the same set as ``metadataFields``.
        static func isField(_ key: String) -> Bool {
            key == "title" || key == "date" || key == "url" || key == "source"
        }

        subscript(key: String) -> String? {
            get {
                switch key {
                case "title": return title
                case "date": return date
                case "url": return url
                case "source": return source
                default: return nil
                }
            }
            set {
                switch key {
                case "title": title = newValue
                case "date": date = newValue
                case "url": url = newValue
                case "source": source = newValue
                default: break
                }
            }
        }
    }

    init(line: UnsafeBufferPointer<UInt8>, options: CorpusOptions) throws(Problem) {
        let members: [(key: String, value: JSONLineParser.Value)]
        do {
            members = try JSONLineParser.members(of: line)
        } catch {
            throw Problem(reason: "invalid JSON at byte \(error.offset): \(error.reason)")
        }
        var text: [UInt8]?
        var warnings: [String] = []
        let textField = options.textKey
        // Repeats are found by comparing keys: no set to allocate for the usual handful of members.
        var seen: Set<String>? = members.count > 16 ? Set(minimumCapacity: members.count) : nil
        for (position, (key, value)) in members.enumerated() {
            let isRepeat: Bool
            if seen != nil {
                isRepeat = seen?.insert(key).inserted == false
            } else {
                isRepeat = members[..<position].contains { $0.key == key }
            }
            if isRepeat {
                warnings.append("repeated key \"\(key)\": the first is read, this one ignored")
                continue
            }
            switch (key, value) {
            case (textField, .string(let bytes)):
                text = bytes
            case (textField, .raw):
                throw Problem(reason: "field \"\(key)\" is not a string")
            case (options.idField, .string(let bytes)), (options.idField, .raw(let bytes)):
                self.id = String(decoding: bytes, as: UTF8.self)
            case (_, .string(let bytes)) where Metadata.isField(key):
                metadata[key] = String(decoding: bytes, as: UTF8.self)
            case (_, .string(let bytes)):
                extra.append(Document.Member(key: key, json: JSONValue.string(String(decoding: bytes, as: UTF8.self)).utf8(pretty: false)))
            case (_, .raw(let bytes)):
                // Raw members are copied to output as they are: invalid UTF-8 in them would make it
                // invalid JSON.
                if bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset(in: $0) }) != nil {
                    guard options.lossy else { throw Problem(reason: "invalid UTF-8 in member \"\(key)\"") }
                    extra.append(Document.Member(key: key, json: Array(String(decoding: bytes, as: UTF8.self).utf8)))
                    warnings.append("replaced invalid UTF-8 in member \"\(key)\" with U+FFFD")
                } else {
                    extra.append(Document.Member(key: key, json: bytes))
                }
            }
        }
        guard let text else { throw Problem(reason: "no \"\(textField)\" field") }
        self.text = text
        self.warnings = warnings
    }
}
