/// Parses one line of JSONL: a JSON object whose string members are decoded and whose other
/// members are kept as raw JSON text, to pass through to the output untouched.
///
/// Hand-written because corpus reading is a hot path: it decodes only what Stemma uses and does
/// not build a dictionary of every value.
struct JSONLineParser {
    enum Value: Equatable {
        /// A decoded string, as UTF-8 bytes (not yet checked to be valid UTF-8).
        case string([UInt8])
        /// Any other value, as its JSON text.
        case raw([UInt8])
    }

    struct Failure: Error, Equatable {
        /// The byte offset in the line.
        var offset: Int
        var reason: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    /// The members of the object on `line`, in order.
    static func members(of line: UnsafeBufferPointer<UInt8>) throws(Failure) -> [(key: String, value: Value)] {
        var parser = JSONLineParser(bytes: line)
        return try parser.parseObject()
    }

    mutating func parseObject() throws(Failure) -> [(key: String, value: Value)] {
        skipSpace()
        try expect(UInt8(ascii: "{"), "expected a JSON object")
        var members: [(key: String, value: Value)] = []
        skipSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                let key = String(decoding: try parseString(), as: UTF8.self)
                skipSpace()
                try expect(UInt8(ascii: ":"), "expected ':' after a key")
                skipSpace()
                members.append((key, try parseValue()))
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "expected ',' or '}'")
                break
            }
        }
        skipSpace()
        guard index == bytes.count else { throw fail("unexpected text after the object") }
        return members
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    func fail(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }

    mutating func expect(_ byte: UInt8, _ reason: String) throws(Failure) {
        guard peek == byte else { throw fail(peek == nil ? "unexpected end of line" : reason) }
        index += 1
    }

    mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { index += 1 }
    }

    mutating func parseValue() throws(Failure) -> Value {
        if peek == UInt8(ascii: "\"") { return .string(try parseString()) }
        let start = index
        try skipValue()
        return .raw(Array(bytes[start..<index]))
    }
}
