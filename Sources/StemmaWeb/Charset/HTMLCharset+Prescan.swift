extension HTMLCharset {
    /// How many bytes the prescan reads, as the HTML standard suggests and browsers do.
    static let prescanLimit = 1024

    /// The HTML standard's "prescan a byte stream to determine its encoding" over the
    /// first 1,024 bytes: a UTF-16 XML declaration, or the first `<meta>` whose
    /// `charset`, or `http-equiv="Content-Type"` with `content="...charset=..."`, names a
    /// known encoding. Comments and other tags' attributes are skipped as the standard
    /// says, so `<!-- <meta charset=x> -->` and `<p title="<meta charset=x>">` do not count.
    ///
    /// - Returns: The WHATWG name; utf-8 where a meta declares UTF-16, windows-1252 where
    ///   it declares x-user-defined.
    static func prescan(_ bytes: ArraySlice<UInt8>) -> String? {
        var scanner = Prescanner(bytes.prefix(prescanLimit))
        return scanner.run()
    }

    /// The HTML standard's "algorithm for extracting a character encoding from a meta
    /// element", applied to a `content` attribute value: the label after the first
    /// `charset` that is followed by `=`.
    static func charsetLabel(inMetaContent content: [UInt8]) -> String? {
        var position = 0
        let n = content.count
        while true {
            guard let found = find("charset", in: content, from: position) else { return nil }
            position = found + 7
            while position < n, isASCIIWhitespace(content[position]) { position += 1 }
            guard position < n, content[position] == UInt8(ascii: "=") else { continue }
            position += 1
            while position < n, isASCIIWhitespace(content[position]) { position += 1 }
            guard position < n else { return nil }
            let first = content[position]
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                guard let close = content[(position + 1)...].firstIndex(of: first) else { return nil }
                return String(decoding: content[(position + 1)..<close], as: UTF8.self)
            }
            let end = content[position...].firstIndex { isASCIIWhitespace($0) || $0 == UInt8(ascii: ";") } ?? n
            return String(decoding: content[position..<end], as: UTF8.self)
        }
    }

    /// The `charset` parameter of a Content-Type value such as
    /// `text/html; charset="ISO-8859-1"`; the first one wins, as in the Fetch standard.
    package static func charsetLabel(inContentType contentType: String) -> String? {
        let bytes = Array(contentType.utf8)
        var position = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
        while position < bytes.count {
            position += 1  // past ";"
            while position < bytes.count, isASCIIWhitespace(bytes[position]) { position += 1 }
            let nameEnd = bytes[position...].firstIndex { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "=") } ?? bytes.count
            let name = bytes[position..<nameEnd].map(asciiLowercased)
            position = nameEnd
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { continue }
            position += 1
            var value: [UInt8] = []
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                position += 1
                while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                    if bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count { position += 1 }
                    value.append(bytes[position])
                    position += 1
                }
                position = bytes[position...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
            } else {
                let end = bytes[position...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
                value = Array(bytes[position..<end])
                position = end
            }
            if name == Array("charset".utf8) {
                return String(decoding: value, as: UTF8.self)
            }
        }
        return nil
    }

    /// The offset of `needle` (lower-case ASCII) in `haystack` from `start`, ignoring ASCII case.
    private static func find(_ needle: StaticString, in haystack: [UInt8], from start: Int) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard haystack.count >= pattern.count else { return nil }
        var i = start
        while i + pattern.count <= haystack.count {
            if pattern.indices.allSatisfy({ asciiLowercased(haystack[i + $0]) == pattern[$0] }) { return i }
            i += 1
        }
        return nil
    }
}

/// The state of one prescan: the bytes and a position in them.
///
/// Running off the end anywhere ends the prescan with no result, as the standard's
/// "if position is past the end" steps say.
private struct Prescanner {
    let bytes: ArraySlice<UInt8>
    var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    private var atEnd: Bool { position >= bytes.endIndex }
    private var byte: UInt8 { bytes[position] }

    /// Whether the bytes at the position start with `prefix` (lower-case), ignoring ASCII case.
    private func hasPrefix(_ prefix: [UInt8]) -> Bool {
        guard bytes.endIndex - position >= prefix.count else { return false }
        return prefix.indices.allSatisfy { asciiLowercased(bytes[position + $0]) == prefix[$0] }
    }

    mutating func run() -> String? {
        // A UTF-16 XML declaration ("<?x" in UTF-16) is all the prescan can find of UTF-16.
        if hasPrefix([0x3C, 0x00, 0x3F, 0x00, 0x78, 0x00]) { return "utf-16le" }
        if hasPrefix([0x00, 0x3C, 0x00, 0x3F, 0x00, 0x78]) { return "utf-16be" }
        while !atEnd {
            if hasPrefix(Array("<!--".utf8)) {
                // To the first "-->" after "<!", which may share the comment's own dashes.
                position += 2
                var found = false
                while position + 3 <= bytes.endIndex {
                    if bytes[position] == 0x2D, bytes[position + 1] == 0x2D, bytes[position + 2] == 0x3E {
                        position += 3
                        found = true
                        break
                    }
                    position += 1
                }
                guard found else { return nil }
                continue
            }
            if hasPrefix(Array("<meta".utf8)), bytes.endIndex - position > 5,
                isSpaceOrSlash(bytes[position + 5])
            {
                position += 5
                if let name = meta() { return name }
                if atEnd { return nil }
                continue  // the byte after the tag
            }
            if byte == UInt8(ascii: "<"), position + 1 < bytes.endIndex {
                var next = position + 1
                if bytes[next] == UInt8(ascii: "/"), next + 1 < bytes.endIndex { next += 1 }
                if isASCIILetter(bytes[next]) {
                    // A start or end tag: skip its name and attributes.
                    position = next
                    while !atEnd, !isASCIIWhitespace(byte), byte != UInt8(ascii: ">") { position += 1 }
                    while !atEnd, attribute() != nil {}
                    if atEnd { return nil }
                    position += 1
                    continue
                }
                let second = bytes[position + 1]
                if second == UInt8(ascii: "!") || second == UInt8(ascii: "/") || second == UInt8(ascii: "?") {
                    guard let close = bytes[(position + 1)...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                    position = close + 1
                    continue
                }
            }
            position += 1
        }
        return nil
    }

    /// The attributes of a `<meta` tag, the position at the space or slash after "meta".
    /// Returns the encoding it declares, or nil leaving the position after the tag.
    private mutating func meta() -> String? {
        var seen: Set<[UInt8]> = []
        var gotPragma = false
        var needPragma: Bool?
        var charset: String?
        while let (name, value) = attribute() {
            guard seen.insert(name).inserted else { continue }
            switch String(decoding: name, as: UTF8.self) {
            case "http-equiv":
                if value == Array("content-type".utf8) { gotPragma = true }
            case "content":
                if charset == nil, let label = HTMLCharset.charsetLabel(inMetaContent: value),
                    let name = HTMLCharset.encodingName(forLabel: label)
                {
                    charset = name
                    needPragma = true
                }
            case "charset":
                charset = HTMLCharset.encodingName(forLabel: String(decoding: value, as: UTF8.self))
                needPragma = false
            default:
                break
            }
        }
        if !atEnd { position += 1 }  // past ">" (or what ended the attributes)
        guard let needPragma, !(needPragma && !gotPragma), let charset else { return nil }
        switch charset {
        case "utf-16le", "utf-16be": return "utf-8"  // the page is ASCII-compatible if a meta was read
        case "x-user-defined": return "windows-1252"
        default: return charset
        }
    }

    /// The standard's "get an attribute": the next name and value, lower-cased (values
    /// too, as the standard says), or nil at ">" or the end.
    private mutating func attribute() -> (name: [UInt8], value: [UInt8])? {
        while !atEnd, isSpaceOrSlash(byte) { position += 1 }
        guard !atEnd, byte != UInt8(ascii: ">") else { return nil }
        var name: [UInt8] = []
        var value: [UInt8] = []
        // The name, up to "=", whitespace, "/" or ">"; a leading "=" belongs to it.
        while true {
            guard !atEnd else { return nil }
            let b = byte
            if b == UInt8(ascii: "="), !name.isEmpty { break }
            if isASCIIWhitespace(b) {
                while !atEnd, isASCIIWhitespace(byte) { position += 1 }
                guard !atEnd else { return nil }
                guard byte == UInt8(ascii: "=") else { return (name, []) }
                break
            }
            if b == UInt8(ascii: "/") || b == UInt8(ascii: ">") { return (name, []) }
            name.append(asciiLowercased(b))
            position += 1
        }
        position += 1  // past "="
        while !atEnd, isASCIIWhitespace(byte) { position += 1 }
        guard !atEnd else { return nil }
        let first = byte
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            while true {
                position += 1
                guard !atEnd else { return nil }
                if byte == first {
                    position += 1
                    return (name, value)
                }
                value.append(asciiLowercased(byte))
            }
        }
        if first == UInt8(ascii: ">") { return (name, []) }
        while !atEnd, !isASCIIWhitespace(byte), byte != UInt8(ascii: ">") {
            value.append(asciiLowercased(byte))
            position += 1
        }
        guard !atEnd else { return nil }
        return (name, value)
    }
}

@inline(__always)
private func isSpaceOrSlash(_ byte: UInt8) -> Bool {
    isASCIIWhitespace(byte) || byte == UInt8(ascii: "/")
}

@inline(__always)
private func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- 0x61 < 26
}
