import CLibXML2
import Glibc

/// Titles as plain text: feeds put escaped HTML in them, so markup goes and entities are decoded.
///
/// ```swift
/// FeedText.plain(fromHTML: "<b>Caf&eacute;</b>  news")  // "Café news"
/// FeedText.plain("  two\n lines ")                       // "two lines"
/// ```
enum FeedText {
    /// `text` with whitespace runs collapsed to one space and trimmed; nil when nothing is left.
    static func plain(_ text: String) -> String? {
        let words = text.split { $0.isWhitespace }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The text of an HTML fragment: tags, comments and the bodies of `script` and `style`
    /// dropped, character references decoded, whitespace collapsed.
    static func plain(fromHTML html: String) -> String? {
        guard html.contains("<") || html.contains("&") else { return plain(html) }
        return plain(decodingReferences(strippingTags(html)))
    }

    private static func strippingTags(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            // A `<` that opens no tag ("2 < 3") is text.
            guard byte == UInt8(ascii: "<"), i + 1 < bytes.count, startsTag(bytes[i + 1]) else {
                output.append(byte)
                i += 1
                continue
            }
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                i = index(after: Array("-->".utf8), in: bytes, from: i + 4)
                continue
            }
            let name = tagName(bytes, at: i + 1)
            i = index(after: [UInt8(ascii: ">")], in: bytes, from: i + 1)
            if name == "script" || name == "style" {
                i = index(after: Array("</\(name)".utf8), in: bytes, from: i, caseInsensitive: true)
                i = index(after: [UInt8(ascii: ">")], in: bytes, from: i)
            }
            // A tag between two words ("a<br>b") separates them; inline markup inside a word does not.
            if !inlineTags.contains(name) { output.append(UInt8(ascii: " ")) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let inlineTags: Set<String> = ["a", "abbr", "b", "code", "em", "font", "i", "q", "s", "small", "span", "strong", "sub", "sup", "u"]

    private static func startsTag(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!")
            || byte == UInt8(ascii: "?")
    }

    private static func tagName(_ bytes: [UInt8], at start: Int) -> String {
        var end = start
        while end < bytes.count, (0x41...0x5A).contains(bytes[end]) || (0x61...0x7A).contains(bytes[end]) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
    }

    /// The index just past the first `needle` at or after `start`, or the end.
    private static func index(after needle: [UInt8], in bytes: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int {
        var i = start
        while i + needle.count <= bytes.count {
            let window = bytes[i..<(i + needle.count)]
            if caseInsensitive ? window.map(asciiLowercased).elementsEqual(needle) : window.elementsEqual(needle) {
                return i + needle.count
            }
            i += 1
        }
        return bytes.count
    }

    /// `&name;`, `&#n;` and `&#xh;` decoded with HTML 4's entity table (libxml2's); others kept.
    private static func decodingReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";"), let value = character(for: after[..<semicolon]) {
                result.append(value)
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }

    private static func character(for name: Substring) -> Character? {
        if name.first == "#" {
            let digits = name.dropFirst()
            let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return code.flatMap(Unicode.Scalar.init).map(Character.init)
        }
        if name == "apos" { return "'" }  // XML's, not in HTML 4
        let entity = String(name).withCString { name in
            name.withMemoryRebound(to: xmlChar.self, capacity: strlen(name) + 1) { htmlEntityLookup($0) }
        }
        return entity.flatMap { Unicode.Scalar($0.pointee.value) }.map(Character.init)
    }
}
