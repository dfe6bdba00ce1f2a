/// The encoding of a feed, and its text as UTF-8 for libxml2.
///
/// The order is kept simple and deliberate: a byte order mark, then the HTTP `charset`, then
/// the XML declaration's `encoding`, then UTF-8. RFC 7303 §3 puts the BOM first and the
/// HTTP charset before the declaration, as here; its old US-ASCII default for `text/xml`
/// without a charset is ignored, since real feeds served that way are UTF-8. Unknown
/// labels count as none. Undecodable bytes become U+FFFD, so the output is always valid UTF-8.
///
/// ```swift
/// FeedCharset.decode(Array("<?xml version='1.0' encoding='iso-8859-1'?><rss/>".utf8), charset: nil).encoding
/// // "windows-1252" (the WHATWG name of ISO-8859-1)
/// ```
enum FeedCharset {
    static func decode(_ bytes: [UInt8], charset: String?) -> DecodedText {
        if let utf32 = utf32(bytes, charset: charset) { return utf32 }
        if let (name, length) = HTMLCharset.byteOrderMark(of: bytes) {
            return HTMLCharset.decode(bytes[length...], as: name, source: .byteOrderMark)
        }
        if let charset, let name = HTMLCharset.encodingName(forLabel: charset) {
            return HTMLCharset.decode(bytes[...], as: name, source: .transport)
        }
        if let name = declaredEncoding(bytes) {
            return HTMLCharset.decode(bytes[...], as: name, source: .metaPrescan)
        }
        return HTMLCharset.decode(bytes[...], as: "utf-8", source: .defaulted)
    }

    /// The WHATWG name of the encoding an XML declaration names, or that its bytes show:
    /// `<?xml` in UTF-16 without a byte order mark.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return "utf-16le" }
        if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return "utf-16be" }
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = bytes.prefix(256)
        guard let end = find(Array("?>".utf8), in: head), let key = find(Array("encoding".utf8), in: head[..<end]) else {
            return nil
        }
        var position = key + 8
        while position < end, isASCIIWhitespace(head[position]) { position += 1 }
        guard position < end, head[position] == UInt8(ascii: "=") else { return nil }
        position += 1
        while position < end, isASCIIWhitespace(head[position]) { position += 1 }
        guard position < end, head[position] == UInt8(ascii: "\"") || head[position] == UInt8(ascii: "'") else { return nil }
        let quote = head[position]
        guard let close = head[(position + 1)..<end].firstIndex(of: quote) else { return nil }
        let label = String(decoding: head[(position + 1)..<close], as: UTF8.self)
        // A UTF-16 label on bytes that are plainly ASCII-compatible (the declaration was just
        // read as ASCII) is a mislabel; the WHATWG decoders do the same for <meta>.
        guard let name = HTMLCharset.encodingName(forLabel: label) else { return nil }
        return name.hasPrefix("utf-16") ? "utf-8" : name
    }

    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// UTF-32, which XML allows (Appendix F) but the WHATWG encodings lack: by its byte order
    /// mark, its `<` of four bytes, or a charset naming it. ICU decodes it.
    private static func utf32(_ bytes: [UInt8], charset: String?) -> DecodedText? {
        let label = charset.map { FeedURL.trimmed($0).lowercased() }
        let (converter, skip): (String, Int)
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { (converter, skip) = ("UTF-32BE", 4) }
        else if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { (converter, skip) = ("UTF-32LE", 4) }
        else if bytes.starts(with: [0x00, 0x00, 0x00, 0x3C]) || label == "utf-32be" || label == "utf-32" { (converter, skip) = ("UTF-32BE", 0) }
        else if bytes.starts(with: [0x3C, 0x00, 0x00, 0x00]) || label == "utf-32le" { (converter, skip) = ("UTF-32LE", 0) }
        else { return nil }
        guard let (output, replaced) = ICU.utf8(from: bytes[skip...], converter: converter) else { return nil }
        return DecodedText(bytes: output, encoding: converter.lowercased(), source: skip > 0 ? .byteOrderMark : .detected,
            replacedSequences: replaced)
    }
}
