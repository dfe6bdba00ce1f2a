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
        String(decoding: utf8(pretty: pretty), as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes.
    ///
    /// Written into a byte buffer, copying runs that need no escaping in one go: building a
    /// `String` scalar by scalar made a 65 MB report take 2.6 s instead of 0.4 s.
    package func utf8(pretty: Bool) -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, pretty: pretty, depth: 0)
        return output
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private func write(to output: inout [UInt8], pretty: Bool, depth: Int) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .int(let value): output += String(value).utf8
        case .double(let value): output += (value.isFinite ? String((value * 1e6).rounded() / 1e6) : "null").utf8
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            let inline = !pretty || values.allSatisfy(\.isScalar)
            writeContainer(values.map { (nil, $0) }, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), inline: inline, pretty: pretty, depth: depth, to: &output)
        case .object(let members):
            writeContainer(members.map { ($0.0, $0.1) }, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), inline: !pretty, pretty: pretty, depth: depth, to: &output)
        }
    }

    private func writeContainer(
        _ members: [(String?, JSONValue)], open: UInt8, close: UInt8, inline: Bool, pretty: Bool, depth: Int,
        to output: inout [UInt8]
    ) {
        output.append(open)
        guard !members.isEmpty else {
            output.append(close)
            return
        }
        for (index, (key, value)) in members.enumerated() {
            if index > 0 {
                output.append(UInt8(ascii: ","))
                if inline && pretty { output.append(UInt8(ascii: " ")) }
            }
            if !inline { Self.newline(depth + 1, to: &output) }
            if let key {
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
            }
            value.write(to: &output, pretty: pretty, depth: depth + 1)
        }
        if !inline { Self.newline(depth, to: &output) }
        output.append(close)
    }

    private static func newline(_ depth: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var copy = value
        copy.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: String?
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case 0x00..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 are valid JSON but end lines in JavaScript.
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                default: escape = nil
                }
                guard let escape else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output += escape.utf8
                index += byte == 0xE2 ? 3 : 1
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
