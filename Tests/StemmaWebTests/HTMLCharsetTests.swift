import Foundation
import Testing
@testable import StemmaWeb
#if canImport(StemmaTestSupport)
import StemmaTestSupport
#endif

private typealias S = CharsetSamples

@Suite struct HTMLCharsetTests {
    // MARK: Byte order marks

    @Test func utf8ByteOrderMarkWinsOverEverything() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + S.page(Array("café".utf8), head: "<meta charset=koi8-r>")
        let text = HTMLCharset.decode(bytes, transportContentType: "text/html; charset=windows-1251")
        #expect(text.encoding == "utf-8")
        #expect(text.source == .byteOrderMark)
        #expect(text.bytes.first == UInt8(ascii: "<"))  // the mark is gone
        #expect(text.string.contains("<p>café</p>"))
        #expect(text.replacedSequences == 0)
    }

    @Test func utf16ByteOrderMarks() {
        let html = "<p>Grüße, 世界</p>"
        let le: [UInt8] = [0xFF, 0xFE] + html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + html.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let little = HTMLCharset.decode(le, transportContentType: "text/html; charset=utf-8")
        #expect(little.encoding == "utf-16le")
        #expect(little.source == .byteOrderMark)
        #expect(little.string == html)
        let big = HTMLCharset.decode(be)
        #expect(big.encoding == "utf-16be")
        #expect(big.string == html)
        #expect(big.replacedSequences == 0)
    }

    @Test func utf16OddTrailingByteIsReplaced() {
        let text = HTMLCharset.decode([0xFF, 0xFE, 0x41, 0x00, 0x42])
        #expect(text.string == "A\u{FFFD}")
        #expect(text.replacedSequences == 1)
    }

    // MARK: Transport and meta

    @Test func transportHeaderWinsOverMeta() {
        let bytes = S.page(S.frenchWindows1252, head: #"<meta charset="koi8-r">"#)
        let text = HTMLCharset.decode(bytes, transportContentType: "text/html; charset=ISO-8859-1")
        #expect(text.encoding == "windows-1252")
        #expect(text.source == .transport)
        #expect(text.string.contains(S.french))
    }

    @Test(arguments: [
        "text/html;charset=koi8-r", "text/html; Charset=\"KOI8-R\"", "text/html; q=1; charset=koi8-r; x=y",
        "TEXT/HTML ; CHARSET=cskoi8r",
    ])
    func transportCharsetForms(contentType: String) {
        let text = HTMLCharset.decode(S.page(S.russianKOI8R), transportContentType: contentType)
        #expect(text.encoding == "koi8-r")
        #expect(text.source == .transport)
        #expect(text.string.contains(S.russian))
    }

    @Test(arguments: ["text/html", "text/html; charset=", "text/html; charset=klingon", "charset=koi8-r"])
    func transportWithoutKnownCharsetFallsToMeta(contentType: String) {
        let bytes = S.page(S.russianKOI8R, head: "<meta charset=koi8-r>")
        let text = HTMLCharset.decode(bytes, transportContentType: contentType)
        #expect(text.encoding == "koi8-r")
        #expect(text.source == .metaPrescan)
        #expect(text.string.contains(S.russian))
    }

    @Test(arguments: [
        (S.japaneseShiftJIS, "shift_jis", S.japanese),
        (S.japaneseEUCJP, "euc-jp", S.japanese),
        (S.japaneseISO2022JP, "iso-2022-jp", S.japanese),
        (S.russianKOI8R, "koi8-r", S.russian),
        (S.russianWindows1251, "windows-1251", S.russian),
        (S.chineseGB18030, "gb18030", S.chinese),
        (S.chineseGB18030, "gbk", S.chinese),  // GBK decodes as gb18030
        (S.chineseBig5, "big5", S.chineseTraditional),
        (S.koreanEUCKR, "euc-kr", S.korean),
        (S.frenchWindows1252, "windows-1252", S.french),
    ])
    func declaredEncodingsDecodeTheirSamples(bytes: [UInt8], encoding: String, expected: String) {
        let text = HTMLCharset.decode(S.page(bytes, head: "<meta charset=\"\(encoding)\">"))
        #expect(text.encoding == encoding)
        #expect(text.source == .metaPrescan)
        #expect(text.replacedSequences == 0)
        #expect(text.string.contains("<p>\(expected)</p>"))
    }

    @Test func singleByteTablesFollowWHATWG() {
        func decode(_ bytes: [UInt8], _ label: String) -> String {
            HTMLCharset.decode(bytes, transportContentType: "text/plain; charset=\(label)").string
        }
        #expect(decode([0x80, 0x81, 0x9F], "windows-1252") == "€\u{81}Ÿ")  // 0x81 is the C1 control
        #expect(decode([0xA4, 0xBF, 0xDE], "iso-8859-9") == "¤¿Ş")  // iso-8859-9 is windows-1254
        #expect(decode([0xAE, 0xBE, 0xC1], "koi8-u") == "ўЎа")  // KOI8-RU's ў and Ў
        #expect(decode([0xCA], "windows-1255") == "\u{05BA}")
        #expect(decode([0xA4, 0xAA, 0xBA], "iso-8859-16") == "€Șș")
        #expect(decode([0xA4], "iso-8859-7") == "€")
        #expect(decode([0xA4], "iso-8859-15") == "€")
        #expect(decode([0xF0, 0xC6], "macintosh") == "\u{F8FF}∆")
        #expect(decode([0xFF, 0xA2], "x-mac-cyrillic") == "€Ґ")
        #expect(decode([0x80, 0xB0], "ibm866") == "А░")
        #expect(decode([0x1A, 0x7F], "ibm866") == "\u{1A}\u{7F}")  // ASCII, not IBM's control swap
        #expect(decode([0xA1, 0xDB], "windows-874") == "ก\u{FFFD}")
        #expect(decode([0x80, 0xFF], "x-user-defined") == "\u{F780}\u{F7FF}")
    }

    @Test func multiByteTablesAreTheWHATWGOnes() {
        func decode(_ bytes: [UInt8], _ label: String) -> String {
            HTMLCharset.decode(bytes, transportContentType: "text/plain; charset=\(label)").string
        }
        #expect(decode([0x87, 0x40, 0xFA, 0x40, 0x5C, 0x7E], "shift_jis") == "①ⅰ\\~")  // Windows-31J rows, ASCII 5C/7E
        #expect(decode([0x8E, 0xB1, 0x8F, 0xB0, 0xA1], "euc-jp") == "ｱ丂")  // half-width kana, JIS X 0212
        #expect(decode([0x81, 0x41], "euc-kr") == "갂")  // UHC, beyond KS X 1001
        #expect(decode([0x81, 0x30, 0x81, 0x30, 0xA2, 0xE3], "gbk") == "\u{80}€")  // four-byte gb18030 in GBK
        #expect(decode([0x87, 0x40, 0xF9, 0xFE], "big5") == "䏰￭")  // HKSCS-2008, not windows-950's ▓
    }

    @Test func replacementEncodingDecodesToOneReplacementCharacter() {
        let text = HTMLCharset.decode(Array("abc".utf8), transportContentType: "text/html; charset=iso-2022-kr")
        #expect(text.encoding == "replacement")
        #expect(text.string == "\u{FFFD}")
        #expect(text.replacedSequences == 1)
    }

    // MARK: Mislabelled pages

    @Test func declaredLegacyButValidUTF8IsReadAsUTF8() {
        let bytes = S.page(Array("Café, naïve, 世界".utf8), head: "<meta charset=iso-8859-1>")
        let text = HTMLCharset.decode(bytes)
        #expect(text.encoding == "utf-8")
        #expect(text.source == .detected)
        #expect(text.overriddenDeclaration == "windows-1252")
        #expect(text.bytes == bytes)
        let header = HTMLCharset.decode(bytes, transportContentType: "text/html; charset=shift_jis")
        #expect(header.encoding == "utf-8")
        #expect(header.overriddenDeclaration == "shift_jis")
    }

    @Test func declaredLegacyAndPureASCIIKeepsTheDeclaration() {
        let text = HTMLCharset.decode(S.page(Array("plain".utf8), head: "<meta charset=windows-1250>"))
        #expect(text.encoding == "windows-1250")
        #expect(text.source == .metaPrescan)
        #expect(text.overriddenDeclaration == nil)
    }

    @Test func declaredUTF8ButWindows1252IsDetected() {
        let bytes = S.page(S.frenchWindows1252, head: "<meta charset=utf-8>")
        let text = HTMLCharset.decode(bytes)
        #expect(text.encoding == "windows-1252")
        #expect(text.overriddenDeclaration == "utf-8")
        #expect(text.string.contains(S.french))
        #expect(text.replacedSequences == 0)
    }

    @Test func declaredUTF8WithAFewBadBytesStaysUTF8() {
        let bytes: [UInt8] = Array("<meta charset=utf-8><p>caf".utf8) + [0xC3, 0xA9, 0x20, 0xE9, 0x21]
        let text = HTMLCharset.decode(bytes)
        #expect(text.encoding == "utf-8")
        #expect(text.source == .metaPrescan)
        #expect(text.string == "<meta charset=utf-8><p>café \u{FFFD}!")
        #expect(text.replacedSequences == 1)
    }

    // MARK: Undeclared pages

    @Test func undeclaredASCIIAndUTF8() {
        let ascii = HTMLCharset.decode(S.page(Array("hello".utf8)))
        #expect(ascii.encoding == "utf-8")
        #expect(ascii.source == .defaulted)
        let bytes = S.page(Array(S.japanese.utf8))
        let utf8 = HTMLCharset.decode(bytes)
        #expect(utf8.encoding == "utf-8")
        #expect(utf8.source == .detected)
        #expect(utf8.bytes == bytes)
        #expect(HTMLCharset.decode([]).bytes.isEmpty)
    }

    @Test(arguments: [
        (S.japaneseShiftJIS, "shift_jis", S.japanese),
        (S.japaneseEUCJP, "euc-jp", S.japanese),
        (S.russianKOI8R, "koi8-r", S.russian),
        (S.russianWindows1251, "windows-1251", S.russian),
        (S.chineseGB18030, "gb18030", S.chinese),
        (S.koreanEUCKR, "euc-kr", S.korean),
        (S.chineseBig5, "big5", S.chineseTraditional),
        (S.polishWindows1250, "windows-1250", S.polish),
    ])
    func undeclaredPagesAreDetected(bytes: [UInt8], encoding: String, expected: String) {
        let text = HTMLCharset.decode(S.page(bytes))
        #expect(text.encoding == encoding)
        #expect(text.source == .detected)
        #expect(text.string.contains("<p>\(expected)</p>"))
    }

    @Test func undeclaredLatinFallsToWindows1252() {
        let text = HTMLCharset.decode(S.page(S.frenchWindows1252))
        #expect(text.encoding == "windows-1252")
        #expect([.detected, .defaulted].contains(text.source))
        #expect(text.string.contains("<p>\(S.french)</p>"))
        #expect(text.replacedSequences == 0)
    }

    @Test func undeclaredMostlyUTF8WithAStrayByteStaysUTF8() {
        let body = Array(String(repeating: "Grüße aus Köln. ", count: 20).utf8) + [0xFF]
        let text = HTMLCharset.decode(S.page(body))
        #expect(text.encoding == "utf-8")
        #expect(text.replacedSequences == 1)
        #expect(text.string.hasSuffix("Köln. \u{FFFD}</p></body></html>\n"))
    }

    // MARK: Replacement and robustness

    @Test(arguments: [
        ([0x61, 0xFF, 0x62], "a\u{FFFD}b", 1),
        ([0xE2, 0x82], "\u{FFFD}", 1),  // a truncated sequence is one replacement
        ([0xE2, 0x82, 0x41, 0xC0, 0xAF], "\u{FFFD}A\u{FFFD}\u{FFFD}", 3),  // overlong: each byte
        ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}", 3),  // a surrogate
        ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}", 4),  // above U+10FFFF
        ([0xF0, 0x9F, 0x98, 0x80, 0xF0, 0x9F, 0x98], "😀\u{FFFD}", 1),
        ([0x00, 0x61, 0x00], "\u{0}a\u{0}", 0),
    ] as [([UInt8], String, Int)])
    func utf8ReplacesMaximalSubparts(bytes: [UInt8], expected: String, replaced: Int) {
        // The UTF-8 decoder itself: through `decode(_:transportContentType:)`, bytes with
        // no valid multi-byte sequence are taken for a mislabelled legacy page.
        let text = HTMLCharset.decode(bytes[...], as: "utf-8", source: .transport)
        #expect(text.string == expected)
        #expect(text.replacedSequences == replaced)
    }

    @Test func undeclaredISO2022JPIsDetectedByItsEscapes() {
        let text = HTMLCharset.decode(CharsetSamples.page(S.japaneseISO2022JP))
        #expect(text.encoding == "iso-2022-jp")
        #expect(text.source == .detected)
        #expect(text.string.contains("<p>\(S.japanese)</p>"))
        // Half-width katakana (ESC ( I), which the WHATWG decoder accepts too.
        let katakana = HTMLCharset.decode([0x1B, 0x28, 0x49, 0x31, 0x32, 0x1B, 0x28, 0x42], as: "iso-2022-jp", source: .transport)
        #expect(katakana.string == "ｱｲ")
    }

    @Test func legacyReplacementsAreCounted() {
        // Shift_JIS: a lead byte with a bad trail (the ASCII trail survives), and a lead
        // byte cut off at the end.
        let sjis = HTMLCharset.decode([0x82, 0xA0, 0x82, 0x20, 0x41, 0x82], transportContentType: "text/plain;charset=sjis")
        #expect(sjis.string == "あ\u{FFFD} A\u{FFFD}")
        #expect(sjis.replacedSequences == 2)
        let hebrew = HTMLCharset.decode([0xE0, 0xD9, 0xE1], transportContentType: "text/plain;charset=cp1255")
        #expect(hebrew.string == "א\u{FFFD}ב")
        #expect(hebrew.replacedSequences == 1)
    }

    @Test(arguments: 0..<200)
    func randomBytesAlwaysDecodeToValidUTF8(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let labels = [nil, "utf-8", "windows-1252", "shift_jis", "euc-jp", "iso-2022-jp", "gb18030", "big5",
                      "euc-kr", "utf-16le", "utf-16be", "koi8-r", "x-user-defined", "replacement"]
        let count = Int.random(in: 0...3000, using: &rng)
        var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
        if seed % 3 == 0 {  // mostly-text bytes, and a meta, to reach the prescan and detector
            bytes = Array("<meta charset=\(labels.randomElement(using: &rng)! ?? "x")>".utf8) + bytes.map { $0 & 0x7F | ($0 & 1) << 7 }
        }
        let label = labels.randomElement(using: &rng)!
        for text in [
            HTMLCharset.decode(bytes, transportContentType: label.map { "text/html; charset=\($0)" }),
            HTMLCharset.decodePlainText(bytes, transportContentType: label.map { "text/plain; charset=\($0)" }),
        ] {
            #expect(UTF8Scan.scan(text.bytes[...]).isValid)
            #expect(text.replacedSequences >= 0)
            #expect(HTMLCharset.encodingName(forLabel: text.encoding) == text.encoding)
        }
    }

    @Test func hundredMegabytesDecodeWithoutTrouble() {
        var bytes = [UInt8](repeating: 0x61, count: 100 << 20)
        for i in stride(from: 0, to: bytes.count, by: 4099) { bytes[i] = UInt8(truncatingIfNeeded: i) }
        let text = HTMLCharset.decode(bytes)
        #expect(text.encoding == "windows-1252")
        #expect(text.bytes.count > bytes.count)
        let utf8 = HTMLCharset.decode(bytes, transportContentType: "text/html; charset=utf-8")
        #expect(utf8.encoding == "windows-1252")  // no valid multi-byte sequence: not UTF-8
        let sjis = HTMLCharset.decode(bytes, transportContentType: "text/html; charset=shift_jis")
        #expect(sjis.bytes.count >= bytes.count)
    }

    @Test func systemICUWorksAlongsideFoundationsICU() {
        // swift-corelibs-foundation carries its own ICU (lib_FoundationICU, symbols
        // swift_*); Debian's has *_72. Both must work in one process.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "ja_JP")
        formatter.dateStyle = .full
        formatter.timeZone = TimeZone(identifier: "UTC")
        #expect(formatter.string(from: Date(timeIntervalSince1970: 0)).hasPrefix("1970年1月1日"))
        let text = HTMLCharset.decode(S.page(S.japaneseShiftJIS))
        #expect(text.string.contains(S.japanese))
        #expect("straße".uppercased(with: Locale(identifier: "de_DE")) == "STRASSE")
    }

    // MARK: Plain text

    @Test func plainTextIgnoresMetaAndDetectsEncodings() {
        let bytes = Array("<meta charset=shift_jis>\n".utf8) + S.russianKOI8R
        let text = HTMLCharset.decodePlainText(bytes)
        #expect(text.encoding == "koi8-r")
        #expect(text.source == .detected)
        #expect(text.string == "<meta charset=shift_jis>\n" + S.russian)
        let declared = HTMLCharset.decodePlainText(S.chineseBig5, transportContentType: "text/plain; charset=big5")
        #expect(declared.string == S.chineseTraditional)
        #expect(HTMLCharset.decodePlainText([0xEF, 0xBB, 0xBF, 0x41]).string == "A")
    }
}
