import Testing
@testable import StemmaWeb
#if canImport(StemmaTestSupport)
import StemmaTestSupport
#endif

@Suite struct HTMLCharsetPrescanTests {
    private func prescan(_ html: String) -> String? {
        HTMLCharset.prescan(Array(html.utf8)[...])
    }

    @Test(arguments: [
        (#"<meta charset="windows-1251">"#, "windows-1251"),
        ("<META CHARSET=KOI8-R>", "koi8-r"),
        ("<meta charset='latin1'/>", "windows-1252"),
        ("<meta\tcharset = \" shift_jis \" >", "shift_jis"),
        ("<meta/charset=gb2312>", "gbk"),
        (#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">"#, "iso-8859-2"),
        ("<meta content='text/html;charset=euc-jp' http-equiv=content-type>", "euc-jp"),
        (#"<meta http-equiv=Content-Type content="text/html; charset = 'big5'">"#, "big5"),
        (#"<meta http-equiv="content-type" content="charset=x-sjis; text/html">"#, "shift_jis"),
        (#"<meta http-equiv="content-type" content="text/html; charsetx; charset=koi8-u">"#, "koi8-u"),
        // The first of two charset attributes counts; a later one is ignored.
        ("<meta charset=koi8-r charset=utf-8>", "koi8-r"),
        // charset beats content in the same tag, and needs no pragma.
        (#"<meta content="text/html; charset=big5" charset="euc-kr" http-equiv="content-type">"#, "euc-kr"),
        ("<meta charset=utf-16>", "utf-8"),
        ("<meta charset=UTF-16BE>", "utf-8"),
        ("<meta charset=x-user-defined>", "windows-1252"),
        ("<!DOCTYPE html><html lang=ru><head><meta charset=cp1251>", "windows-1251"),
        // Comments, other tags' attributes and declarations are skipped.
        ("<!-- <meta charset=koi8-r> --><meta charset=euc-kr>", "euc-kr"),
        ("<!--> <meta charset=koi8-r>", "koi8-r"),  // "<!-->" is a whole comment
        (#"<div title="<meta charset=koi8-r>"><meta charset=big5>"#, "big5"),
        ("<?xml version='1.0' encoding='koi8-r'?><meta charset=big5>", "big5"),
        ("</p title='<meta charset=koi8-r>'><meta charset=big5>", "big5"),
        // A meta whose label is unknown is passed over for the next one.
        ("<meta charset=klingon><meta charset=iso-8859-15>", "iso-8859-15"),
    ])
    func metaDeclarations(html: String, expected: String) {
        #expect(prescan(html) == expected)
    }

    @Test(arguments: [
        "<p>no meta here</p>",
        #"<meta content="text/html; charset=koi8-r">"#,  // content without http-equiv
        #"<meta http-equiv="refresh" content="0; charset=koi8-r">"#,
        #"<meta http-equiv="content-type" content="text/html; charset='koi8-r">"#,  // unmatched quote
        "<metacharset=koi8-r>",
        "<meta name=charset content=koi8-r>",
        "<!-- <meta charset=koi8-r>",  // an unclosed comment
        "<meta charset=\"koi8-r",  // cut off in the value
        "<meta charset=klingon>",
    ])
    func noDeclaration(html: String) {
        #expect(prescan(html) == nil)
    }

    @Test(arguments: 0..<300)
    func prescanOfTagSoupEnds(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let pieces = ["<", ">", "<!--", "-->", "--", "<!", "</", "<?", "/", " ", "\t", "=", "\"", "'", "meta", "META",
                      "charset", "http-equiv", "content-type", "content", "text/html;", "utf-8", "koi8-r", "x", "\u{0}"]
        let html = (0..<Int.random(in: 0...400, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        if let name = prescan(html) {
            #expect(HTMLCharset.encodingName(forLabel: name) == name)
        }
    }

    @Test func utf16XMLDeclarations() {
        let xml = "<?xml version=\"1.0\"?>"
        #expect(HTMLCharset.prescan(xml.utf16.flatMap { [UInt8($0), 0] }[...]) == "utf-16le")
        #expect(HTMLCharset.prescan(xml.utf16.flatMap { [0, UInt8($0)] }[...]) == "utf-16be")
    }

    @Test func onlyTheFirst1024BytesAreRead() {
        let meta = "<meta charset=koi8-r>"
        let before = String(repeating: " ", count: 1024 - meta.utf8.count) + meta
        #expect(prescan(before) == "koi8-r")
        let straddling = String(repeating: " ", count: 1024 - meta.utf8.count + 1) + meta
        #expect(prescan(straddling) == nil)
        let after = "<!-- " + String(repeating: "padding ", count: 130) + "-->" + meta
        #expect(prescan(after) == nil)

        // So the page is decoded by detection instead, not by the late meta.
        let page = Array(after.utf8) + CharsetSamples.russianWindows1251
        let text = HTMLCharset.decode(page)
        #expect(text.source == .detected)
        #expect(text.encoding == "windows-1251")
        #expect(text.string.hasSuffix(CharsetSamples.russian))
    }

    @Test(arguments: [
        ("utf-8", "utf-8"), ("UTF8", "utf-8"), (" unicode-1-1-utf-8\n", "utf-8"),
        ("latin1", "windows-1252"), ("ISO-8859-1", "windows-1252"), ("ascii", "windows-1252"),
        ("US-ASCII", "windows-1252"), ("iso_8859-1:1987", "windows-1252"), ("cp1252", "windows-1252"),
        ("iso-8859-9", "windows-1254"), ("latin5", "windows-1254"), ("tis-620", "windows-874"),
        ("iso-8859-11", "windows-874"),
        ("x-sjis", "shift_jis"), ("Shift_JIS", "shift_jis"), ("windows-31j", "shift_jis"), ("ms932", "shift_jis"),
        ("gb2312", "gbk"), ("GBK", "gbk"), ("chinese", "gbk"), ("gb18030", "gb18030"),
        ("big5-hkscs", "big5"), ("x-x-big5", "big5"),
        ("ks_c_5601-1987", "euc-kr"), ("windows-949", "euc-kr"), ("EUC-KR", "euc-kr"),
        ("x-euc-jp", "euc-jp"), ("csiso2022jp", "iso-2022-jp"),
        ("koi8", "koi8-r"), ("koi8-ru", "koi8-u"), ("mac", "macintosh"), ("x-mac-ukrainian", "x-mac-cyrillic"),
        ("cp866", "ibm866"), ("iso-8859-8-i", "iso-8859-8-i"), ("visual", "iso-8859-8"),
        ("l9", "iso-8859-15"), ("iso-8859-16", "iso-8859-16"), ("latin2", "iso-8859-2"),
        ("utf-16", "utf-16le"), ("UCS-2", "utf-16le"), ("unicodefffe", "utf-16be"),
        ("hz-gb-2312", "replacement"), ("iso-2022-kr", "replacement"),
    ])
    func labelsAreNormalised(label: String, expected: String) {
        #expect(HTMLCharset.encodingName(forLabel: label) == expected)
    }

    @Test(arguments: ["", "  ", "klingon", "utf-7", "cp932", "iso-8859-16 x", "windows-1252\u{0}", "utf\u{2009}8"])
    func unknownLabels(label: String) {
        #expect(HTMLCharset.encodingName(forLabel: label) == nil)
    }

    @Test func everyWindowsAndISOEncodingHasATable() {
        for code in SingleByteCode.allCases {
            #expect(HTMLCharset.encodingName(forLabel: code.rawValue) == code.rawValue)
            // Every table decodes 0x41 as "A" and something for 0xE0 (a letter in all of them
            // but windows-874's and ISO-8859-6's, -8's layouts, where it may be a hole).
            let text = HTMLCharset.decode([0x41, 0xE0], as: code.rawValue, source: .transport)
            #expect(text.string.first == "A")
            #expect(text.string.unicodeScalars.count == 2)
        }
        for n in 1...16 where n != 12 {
            #expect(HTMLCharset.encodingName(forLabel: "iso-8859-\(n)") != nil)
        }
        for n in 1250...1258 {
            #expect(HTMLCharset.encodingName(forLabel: "windows-\(n)") == "windows-\(n)")
        }
    }
}
