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

    /// Skips a non-string value, checking its structure.
    mutating func skipValue() throws(Failure) {
        guard let byte = peek else { throw fail("unexpected end of line") }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try parseString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipSpace()
            if peek == close {
                index += 1
                return
            }
            while true {
                skipSpace()
                if close == UInt8(ascii: "}") {
                    guard peek == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                    _ = try parseString()
                    skipSpace()
                    try expect(UInt8(ascii: ":"), "expected ':' after a key")
                    skipSpace()
                }
                try skipValue()
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(close, "expected ',' or '\(Character(Unicode.Scalar(close)))'")
                return
            }
        case UInt8(ascii: "t"): try expectWord("true")
        case UInt8(ascii: "f"): try expectWord("false")
        case UInt8(ascii: "n"): try expectWord("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw fail("unexpected character")
        }
    }

    mutating func expectWord(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[index..<(index + count)])
        else { throw fail("invalid literal") }
        index += count
    }

    mutating func skipNumber() throws(Failure) {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        var digits = 0
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
        {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits += 1 }
            index += 1
        }
        guard digits > 0 else {
            index = start
            throw fail("invalid number")
        }
    }
}
