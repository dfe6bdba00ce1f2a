/// A JSON value whose objects keep their keys in the order written, so that reports list
/// `schemaVersion` first and read the same on every run.
///
/// `JSONEncoder` orders keys by hash unless told to sort them, which would bury `schemaVersion`
/// among the rest; this writer also lays number pairs such as byte ranges on one line.
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized(pretty: false) == rhs.serialized(pretty: false)
    }

    package static func range(_ range: [Int]) -> JSONValue { .array(range.map(JSONValue.int)) }

    package static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// The JSON text; pretty output indents by two spaces and keeps arrays of scalars on one line.
    package func serialized(pretty: Bool) -> String {
        var output = ""
        write(to: &output, pretty: pretty, depth: 0)
        return output
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private func write(to output: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += value.isFinite ? String((value * 1e6).rounded() / 1e6) : "null"
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            let inline = !pretty || values.allSatisfy(\.isScalar)
            writeContainer(values.map { (nil, $0) }, open: "[", close: "]", inline: inline, pretty: pretty, depth: depth, to: &output)
        case .object(let members):
            writeContainer(members.map { ($0.0, $0.1) }, open: "{", close: "}", inline: !pretty, pretty: pretty, depth: depth, to: &output)
        }
    }

    private func writeContainer(
        _ members: [(String?, JSONValue)], open: String, close: String, inline: Bool, pretty: Bool, depth: Int,
        to output: inout String
    ) {
        output += open
        guard !members.isEmpty else {
            output += close
            return
        }
        let indent = String(repeating: "  ", count: depth + 1)
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { output += inline && pretty ? ", " : "," }
            if !inline { output += "\n" + indent }
            if let key {
                Self.writeString(key, to: &output)
                output += pretty ? ": " : ":"
            }
            value.write(to: &output, pretty: pretty, depth: depth + 1)
        }
        if !inline { output += "\n" + String(repeating: "  ", count: depth) }
        output += close
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{0}"..."\u{1F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
