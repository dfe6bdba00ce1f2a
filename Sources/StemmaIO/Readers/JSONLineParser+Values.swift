extension JSONLineParser {
    /// How deeply arrays and objects may nest inside a member.
    ///
    /// The skip used to recurse, and a 160 KB line nested 80,000 levels deep overflowed the stack
    /// (issue 11). It is a loop now, and the cap keeps its stack of open containers in 64 bytes;
    /// no corpus metadata nests anywhere near 512 levels.
    static let maximumDepth = 512

    /// Skips a value, checking it against the strict JSON grammar (RFC 8259), so that what passes
    /// through to written output is valid JSON.
    mutating func skipValue() throws(Failure) {
        var open = OpenContainers()
        while true {
            // At the start of a value.
            guard let byte = peek else { throw fail("unexpected end of line") }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard open.depth < Self.maximumDepth else {
                    throw fail("arrays and objects nested deeper than \(Self.maximumDepth) levels")
                }
                let isObject = byte == UInt8(ascii: "{")
                index += 1
                skipSpace()
                if peek == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1  // empty; a finished value
                } else {
                    open.push(isObject: isObject)
                    if isObject { try skipKey() }
                    continue
                }
            case UInt8(ascii: "\""): try skipString()
            case UInt8(ascii: "t"): try expectWord("true")
            case UInt8(ascii: "f"): try expectWord("false")
            case UInt8(ascii: "n"): try expectWord("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
            case UInt8(ascii: "."): throw fail("invalid number")
            default: throw fail("unexpected character")
            }
            // After a value: close what it ends, or go on to the next element.
            while open.depth > 0 {
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    skipSpace()
                    if open.topIsObject { try skipKey() }
                    break
                }
                let close = open.topIsObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                try expect(close, "expected ',' or '\(Character(Unicode.Scalar(close)))'")
                open.pop()
            }
            if open.depth == 0 { return }
        }
    }

    /// Skips an object's key, its colon and the space before its value.
    mutating func skipKey() throws(Failure) {
        skipSpace()
        guard peek == UInt8(ascii: "\"") else { throw fail("expected a string key") }
        try skipString()
        skipSpace()
        try expect(UInt8(ascii: ":"), "expected ':' after a key")
        skipSpace()
    }

    /// Skips a string, checking its escapes, without decoding it (no allocation).
    mutating func skipString() throws(Failure) {
        index += 1  // the opening quote
        while true {
            index = Self.endOfRun(in: bytes, from: index)
            guard index < bytes.count else { throw fail("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            if byte < 0x20 { throw fail("control character in a string") }
            index += 1
            guard let escape = peek else { throw fail("unterminated string") }
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                break
            case UInt8(ascii: "u"): _ = try parseHex4()
            default:
                index -= 1
                throw fail("invalid escape")
            }
        }
    }

    mutating func expectWord(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[index..<(index + count)])
        else { throw fail("invalid literal") }
        index += count
    }

    /// Skips a number of the JSON grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    ///
    /// The old scan took any run of digits, dots, signs and `e`, so `1.2.3`, `--5` and `0123` went
    /// into `--write-deduplicated` output, which then was not JSON (issue 11).
    mutating func skipNumber() throws(Failure) {
        let start = index
        func invalid() -> Failure { Failure(offset: start, reason: "invalid number") }
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, Self.isDigit(first) else { throw invalid() }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else { throw invalid() }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw invalid() }
        }
        // `0123`, `1.2.3`, `1e5e5`: what follows a number cannot continue it.
        if let next = peek, Self.isDigit(next) || next == UInt8(ascii: ".") || next == UInt8(ascii: "e")
            || next == UInt8(ascii: "E") || next == UInt8(ascii: "+") || next == UInt8(ascii: "-")
        {
            throw invalid()
        }
    }

    @discardableResult
    mutating func skipDigits() -> Int {
        let start = index
        while let byte = peek, Self.isDigit(byte) { index += 1 }
        return index - start
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// Whether each open container is an object or an array, one bit a level, without allocating.
struct OpenContainers {
    private var bits = SIMD8<UInt64>()
    private(set) var depth = 0

    var topIsObject: Bool { bits[(depth - 1) >> 6] & (1 << UInt64((depth - 1) & 63)) != 0 }

    mutating func push(isObject: Bool) {
        let word = depth >> 6, bit: UInt64 = 1 << UInt64(depth & 63)
        if isObject { bits[word] |= bit } else { bits[word] &= ~bit }
        depth += 1
    }

    mutating func pop() { depth -= 1 }
}
