import Foundation
import StemmaCore

extension DiffReport {
    /// The report as JSON text, keys in the documented order.
    public func jsonString(pretty: Bool = true) -> String {
        jsonValue.serialized(pretty: pretty)
    }

    /// The report as JSON, UTF-8 encoded, ending with a newline: what `stemma diff` writes.
    public func jsonBytes(pretty: Bool = true) -> [UInt8] {
        jsonValue.utf8(pretty: pretty) + [UInt8(ascii: "\n")]
    }

    package var jsonValue: JSONValue {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("old", old.jsonValue),
            ("new", new.jsonValue),
            ("summary", summary.jsonValue),
            ("operations", .array(operations.map(\.jsonValue))),
            ("editScript", .array(editScript.map(\.jsonValue))),
        ])
    }

    /// Reads a report written by `stemma diff --format json`.
    public static func decode(_ data: [UInt8], path: String) throws -> DiffReport {
        do {
            let report = try JSONDecoder().decode(DiffReport.self, from: Data(data))
            guard report.schemaVersion <= currentSchemaVersion else {
                throw ReadError(file: path, reason: .malformed(
                    "schema version \(report.schemaVersion) is newer than this stemma reads (\(currentSchemaVersion))"))
            }
            return report
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(file: path, reason: .malformed("not a stemma diff report: \(error)"))
        }
    }
}

extension DiffReport.Side {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("path", .string(path)), ("bytes", .int(bytes))]
        if let sha256 { members.append(("sha256", .string(sha256))) }
        if let date { members.append(("date", .string(date))) }
        members.append(("sentences", .array(sentences.map {
            .object([("range", .range($0.range)), ("paragraph", .int($0.paragraph)), ("kind", .string($0.kind.rawValue))])
        })))
        return .object(members)
    }
}

extension DiffReport.Summary {
    var jsonValue: JSONValue {
        let kinds = DiffOperation.Kind.allCases.map(\.rawValue)
        var members: [(String, JSONValue)] = [
            ("identical", .bool(identical)),
            ("operations", .object(kinds.map { ($0, .int(operations[$0] ?? 0)) })),
            ("sentenceShares", .object(kinds.map { ($0, .double(sentenceShares[$0] ?? 0)) })),
            ("jaccard", .double(jaccard)),
            ("containmentOldInNew", .double(containmentOldInNew)),
            ("containmentNewInOld", .double(containmentNewInOld)),
        ]
        if let replaced = replacedInvalidSequences {
            members.append(("replacedInvalidSequences", .object(replaced.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })))
        }
        return .object(members)
    }
}

extension DiffReport.Operation {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("kind", .string(kind.rawValue))]
        if let old { members.append(("old", old.jsonValue)) }
        if let new { members.append(("new", new.jsonValue)) }
        if let piece { members.append(("piece", .object([("index", .int(piece.index)), ("count", .int(piece.count))]))) }
        members.append(("tags", .strings(tags.map(\.rawValue))))
        if let details {
            let lists: [(String, [String])] = [
                ("numbersRemoved", details.numbersRemoved), ("numbersAdded", details.numbersAdded),
                ("namesRemoved", details.namesRemoved), ("namesAdded", details.namesAdded),
                ("timeWordsRemoved", details.timeWordsRemoved), ("timeWordsAdded", details.timeWordsAdded),
            ]
            members.append(("details", .object(lists.filter { !$0.1.isEmpty }.map { ($0.0, .strings($0.1)) })))
        }
        if let words { members.append(("words", .array(words.map(\.jsonValue)))) }
        return .object(members)
    }
}

extension DiffReport.Span {
    var jsonValue: JSONValue {
        .object([("sentences", .range(sentences)), ("range", .range(range)), ("text", .string(text))])
    }
}

extension DiffReport.Word {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("op", .string(op.rawValue)), ("old", .range(old)), ("new", .range(new))]
        if let oldText { members.append(("oldText", .string(oldText))) }
        if let newText { members.append(("newText", .string(newText))) }
        return .object(members)
    }
}

extension DiffReport.ScriptStep {
    var jsonValue: JSONValue {
        switch self {
        case .copy(let range): return .object([("copy", .range(range))])
        case .insert(let text): return .object([("insert", .string(text))])
        }
    }
}
