/// Finding a page's character encoding the WHATWG way, and decoding it to UTF-8.
///
/// The order is the HTML standard's "encoding sniffing algorithm" (section 13.2.3.2):
/// a byte order mark, then the HTTP `Content-Type` charset, then a prescan of the first
/// 1,024 bytes for `<meta charset>`; where nothing is declared, valid UTF-8 is UTF-8 and
/// otherwise ICU's detector is asked, with windows-1252 as the last resort.
///
/// ```swift
/// let page = HTMLCharset.decode(body, transportContentType: response.contentType)
/// print(page.encoding, page.source, page.replacedSequences)
/// let html = page.string
/// ```
///
/// Two deliberate departures from browsers, both to get readable text from real crawls,
/// where declarations are often wrong (templates saying ISO-8859-1 around UTF-8
/// content, servers adding a default charset):
///
/// - A page declared (by header or meta) in any encoding but UTF-8 or UTF-16, whose
///   bytes are nonetheless valid UTF-8 with some non-ASCII, is decoded as UTF-8.
///   Legacy text is almost never valid multi-byte UTF-8 by chance: in windows-1252 it
///   takes pairs such as "Ã©", which real text only contains as mojibake itself, and a
///   page of GBK or Shift_JIS would need every lead/trail pair to line up. A browser
///   shows such a page as mojibake; the crawl would then store mojibake.
/// - A page declared UTF-8 whose bytes contain not one valid multi-byte sequence but do
///   contain invalid ones (a windows-1252 page behind a UTF-8 header) is detected as if
///   undeclared, rather than having every accented letter replaced with U+FFFD.
///
/// Either way ``DecodedText/source`` is `.detected` and
/// ``DecodedText/overriddenDeclaration`` names what was declared.
public enum HTMLCharset {
    /// ICU's detector must be at least this confident to be believed; below it, guesses
    /// on a few hundred bytes of Latin text swing between Latin encodings. A KOI8-R or
    /// Shift_JIS page of 300 bytes scores 30–100.
    static let detectionThreshold = 25

    /// Decodes the bytes of an HTML page to UTF-8.
    ///
    /// - Parameters:
    ///   - bytes: The page as received (after any Content-Encoding was undone).
    ///   - transportContentType: The HTTP `Content-Type` value, such as
    ///     `text/html; charset=ISO-8859-1`; an unknown charset counts as none.
    /// - Returns: Valid UTF-8, the WHATWG name of the encoding, and what chose it.
    /// - Complexity: O(n); pure ASCII and valid UTF-8 are checked and returned without ICU.
    public static func decode(_ bytes: [UInt8], transportContentType: String? = nil) -> DecodedText {
        decode(bytes, transportContentType: transportContentType, isHTML: true)
    }

    static func decode(_ bytes: [UInt8], transportContentType: String?, isHTML: Bool) -> DecodedText {
        if let (name, length) = byteOrderMark(of: bytes) {
            return decode(bytes[length...], as: name, source: .byteOrderMark)
        }
        let input = Input(bytes)
        if let contentType = transportContentType,
            let label = charsetLabel(inContentType: contentType),
            let name = encodingName(forLabel: label)
        {
            return decodeDeclared(input, as: name, source: .transport)
        }
        if isHTML, let name = prescan(bytes[...]) {
            return decodeDeclared(input, as: name, source: .metaPrescan)
        }
        return decodeUndeclared(input, scan: UTF8Scan.scan(input.bytes, invalidLimit: 64), declared: nil)
    }

    /// The encoding a byte order mark names, and the mark's length.
    static func byteOrderMark(of bytes: [UInt8]) -> (name: String, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("utf-16be", 2) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("utf-16le", 2) }
        return nil
    }

    private static func decodeDeclared(
        _ input: Input, as name: String, source: EncodingSource
    ) -> DecodedText {
        switch name {
        case "utf-16le", "utf-16be":
            return decode(input.bytes, as: name, source: source)
        case "utf-8":
            let scan = UTF8Scan.scan(input.bytes, invalidLimit: 64)
            if scan.isValid || scan.multibyteSequences > 0 {
                return utf8(input, scan: scan, source: source)
            }
            return decodeUndeclared(input, scan: scan, declared: name)
        default:
            let scan = UTF8Scan.scan(input.bytes, invalidLimit: 1)
            if scan.isValid, !scan.isASCII {
                var text = utf8(input, scan: scan, source: .detected)
                text.overriddenDeclaration = name
                return text
            }
            return decode(input.bytes, as: name, source: source)
        }
    }

    private static func decodeUndeclared(
        _ input: Input, scan: UTF8Scan, declared: String?
    ) -> DecodedText {
        let bytes = input.bytes
        var text: DecodedText
        if scan.isASCII {
            // ISO-2022-JP is 7-bit; its escape sequences give it away.
            text = isISO2022JP(bytes)
                ? decode(bytes, as: "iso-2022-jp", source: .detected)
                : utf8(input, scan: scan, source: .defaulted)
        } else if scan.isValid || scan.multibyteSequences >= 10 * scan.invalidSequences {
            // Mostly UTF-8 with a few stray bytes (a truncated or spliced page) reads best as UTF-8.
            text = utf8(input, scan: scan, source: .detected)
        } else if let name = detectedEncoding(of: bytes) {
            text = name == "utf-8"
                ? utf8(input, scan: scan, source: .detected)
                : decode(bytes, as: name, source: .detected)
        } else {
            text = decode(bytes, as: "windows-1252", source: .defaulted)
        }
        text.overriddenDeclaration = declared
        return text
    }

    /// ICU's best guess with a WHATWG name and enough confidence.
    private static func detectedEncoding(of bytes: ArraySlice<UInt8>) -> String? {
        for match in ICU.detect(detectionSample(of: bytes))
        where match.confidence >= detectionThreshold {
            // ICU names its Latin guesses ISO-8859-x; the labels table maps them as browsers
            // would (ISO-8859-1 → windows-1252). EBCDIC guesses (IBM420, IBM424) have no
            // WHATWG name, and UTF-32 none either.
            if let name = encodingName(forLabel: match.name) { return name }
        }
        return nil
    }

    /// Whether pure-ASCII bytes switch to JIS X 0208 as ISO-2022-JP does (ESC $ B or ESC $ @).
    ///
    /// Every undeclared ASCII page is searched, so a word at a time: `firstIndex(of:)`
    /// took 9 ms on a 20 MB page, this 1.5 ms (release).
    private static func isISO2022JP(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let n = buffer.count
            var i = 0
            while i < n {
                if i &+ 8 <= n {
                    // No byte of the word is ESC: the classic "has a zero byte" test on word ^ ESC×8.
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ 0x1B1B_1B1B_1B1B_1B1B
                    if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 == 0 {
                        i &+= 8
                        continue
                    }
                }
                if base[i] == 0x1B, i &+ 2 < n, base[i &+ 1] == 0x24, base[i &+ 2] == 0x42 || base[i &+ 2] == 0x40 {
                    return true
                }
                i &+= 1
            }
            return false
        }
    }

    /// What ICU's detector is shown: the words (runs between ASCII whitespace, "<" and
    /// ">") that hold a non-ASCII byte, up to 2 KB of them from the first 1 MB.
    ///
    /// ICU's detector costs about 165 ns a byte (6 MB/s, release), so 2 KB is 0.33 ms a
    /// page; the samples in the tests, 250 bytes each, are detected already.
    ///
    /// ICU scores single-byte encodings by the trigrams of all the text, so a page
    /// whose Russian is a few hundred bytes after a kilobyte of English markup, inline
    /// script or comments read as ISO-8859-1 (60) rather than windows-1251 (7), even
    /// with ICU's own tag filter, which gives up on pages with fewer than five tags.
    /// Words of ASCII alone say nothing about the encoding. No multi-byte encoding
    /// used on the web has a trail byte below 0x40, so the cuts split no character.
    static func detectionSample(of bytes: ArraySlice<UInt8>, limit: Int = 2048) -> ArraySlice<UInt8> {
        var sample: [UInt8] = []
        sample.reserveCapacity(limit + 64)
        let end = min(bytes.endIndex, bytes.startIndex + (1 << 20))
        var wordStart = bytes.startIndex
        var wordIsASCII = true
        var i = bytes.startIndex
        while i < end, sample.count < limit {
            let byte = bytes[i]
            if isASCIIWhitespace(byte) || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
                if !wordIsASCII {
                    sample.append(contentsOf: bytes[wordStart..<i])
                    sample.append(0x20)
                }
                wordStart = i + 1
                wordIsASCII = true
            } else if byte >= 0x80 {
                wordIsASCII = false
            }
            i += 1
        }
        if !wordIsASCII, sample.count < limit { sample.append(contentsOf: bytes[wordStart..<i]) }
        return sample.prefix(limit)
    }

    /// The page, and the array it came in, returned as it is when it is valid UTF-8.
    struct Input {
        var whole: [UInt8]
        var bytes: ArraySlice<UInt8> { whole[...] }
        init(_ whole: [UInt8]) { self.whole = whole }
    }

    private static func utf8(_ input: Input, scan: UTF8Scan, source: EncodingSource) -> DecodedText {
        // Valid UTF-8 shares the caller's storage: no copy on the common path.
        let (output, replaced) = scan.isValid ? (input.whole, 0) : UTF8Scan.repair(input.bytes, scan: scan)
        return DecodedText(bytes: output, encoding: "utf-8", source: source, replacedSequences: replaced)
    }

    /// Decodes `bytes` in the WHATWG encoding `name`.
    static func decode(_ bytes: ArraySlice<UInt8>, as name: String, source: EncodingSource) -> DecodedText {
        let encoding = WebEncoding(name: name) ?? .singleByte(.windows1252)
        let (output, replaced): ([UInt8], Int)
        switch encoding {
        case .utf8:
            (output, replaced) = UTF8Scan.repair(bytes, scan: UTF8Scan.scan(bytes))
        case .utf16LE:
            (output, replaced) = ICU.utf8(from: bytes, converter: "UTF-16LE") ?? lossy(bytes)
        case .utf16BE:
            (output, replaced) = ICU.utf8(from: bytes, converter: "UTF-16BE") ?? lossy(bytes)
        case .singleByte(let code):
            (output, replaced) = SingleByteTable.table(for: code).decode(bytes)
        case .icu(let converter):
            (output, replaced) = ICU.utf8(from: bytes, converter: converter) ?? lossy(bytes)
        case .replacement:
            (output, replaced) = bytes.isEmpty ? ([], 0) : ([0xEF, 0xBF, 0xBD], 1)
        case .userDefined:
            (output, replaced) = (userDefined(bytes), 0)
        }
        return DecodedText(bytes: output, encoding: name, source: source, replacedSequences: replaced)
    }

    // Only if ICU cannot open a converter it ships, which a broken install could cause.
    private static func lossy(_ bytes: ArraySlice<UInt8>) -> ([UInt8], Int) {
        UTF8Scan.repair(bytes, scan: UTF8Scan.scan(bytes))
    }

    private static func userDefined(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                // U+F780 + (byte - 0x80) = U+F780...U+F7FF: EF 9E/9F xx.
                let scalar = 0xF780 + UInt32(byte) - 0x80
                output.append(0xEF)
                output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
                output.append(UInt8(0x80 | scalar & 0x3F))
            }
        }
        return output
    }
}
