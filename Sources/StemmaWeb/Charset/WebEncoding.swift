/// How one WHATWG encoding is decoded, and with which ICU converter.
///
/// ICU names are canonical converter names, not aliases, because ICU's aliases do not
/// mean what WHATWG labels mean: ICU's "EUC-KR" is ibm-970 without the UHC extension
/// browsers decode, and its "Big5" is windows-950 without HKSCS.
///
/// Known differences from the WHATWG decoders, all in bytes real pages rarely hold:
/// a lone 0x80 is U+FFFD in Shift_JIS and gb18030 (WHATWG: U+0080, U+20AC) but U+0080
/// in EUC-KR (WHATWG: an error); Big5 0x8862, 0x8864, 0x88A3, 0x88A5 decode to private
/// use characters (WHATWG: a letter and a combining mark); gb18030 follows its 2005
/// table, not 2022's; ISO-2022-JP also accepts JIS X 0212 (ESC $ ( D).
internal enum WebEncoding: Sendable, Hashable {
    case utf8
    case utf16LE
    case utf16BE
    /// A single-byte encoding, decoded through a table built once from ICU.
    case singleByte(SingleByteCode)
    /// A multi-byte encoding, decoded by an ICU converter.
    case icu(String)
    /// The WHATWG "replacement" encoding (ISO-2022-KR, HZ, ISO-2022-CN): one U+FFFD.
    case replacement
    /// Bytes 0x80-0xFF as U+F780-U+F7FF.
    case userDefined

    /// The encoding a WHATWG name (as ``HTMLCharset/encodingName(forLabel:)`` returns) decodes with.
    init?(name: String) {
        switch name {
        case "utf-8": self = .utf8
        case "utf-16le": self = .utf16LE
        case "utf-16be": self = .utf16BE
        case "replacement": self = .replacement
        case "x-user-defined": self = .userDefined
        // Shift_JIS is Windows-31J: 0x5C is "\" and the NEC and IBM rows are in.
        case "shift_jis": self = .icu("ibm-943_P15A-2003")
        case "euc-jp": self = .icu("euc-jp-2007")
        // Version 3 adds half-width katakana (ESC ( I), which the WHATWG decoder accepts.
        case "iso-2022-jp": self = .icu("ISO_2022,locale=ja,version=3")
        // WHATWG EUC-KR is Microsoft's Unified Hangul Code, a superset of KS X 1001.
        case "euc-kr": self = .icu("windows-949-2000")
        // The WHATWG GBK decoder is the gb18030 decoder (its encoder differs, not used here).
        case "gbk", "gb18030": self = .icu("gb18030")
        // WHATWG Big5 is Big5-HKSCS:2008, which windows-950 lacks ~5,000 characters of,
        // common on Hong Kong pages; ibm-1375 is that table.
        case "big5": self = .icu("ibm-1375_P100-2008")
        default:
            guard let code = SingleByteCode(rawValue: name) else { return nil }
            self = .singleByte(code)
        }
    }
}

/// The single-byte WHATWG encodings, named as WHATWG names them.
internal enum SingleByteCode: String, Sendable, Hashable, CaseIterable {
    case ibm866 = "ibm866"
    case iso8859_2 = "iso-8859-2"
    case iso8859_3 = "iso-8859-3"
    case iso8859_4 = "iso-8859-4"
    case iso8859_5 = "iso-8859-5"
    case iso8859_6 = "iso-8859-6"
    case iso8859_7 = "iso-8859-7"
    case iso8859_8 = "iso-8859-8"
    case iso8859_8I = "iso-8859-8-i"
    case iso8859_10 = "iso-8859-10"
    case iso8859_13 = "iso-8859-13"
    case iso8859_14 = "iso-8859-14"
    case iso8859_15 = "iso-8859-15"
    case iso8859_16 = "iso-8859-16"
    case koi8R = "koi8-r"
    case koi8U = "koi8-u"
    case macintosh = "macintosh"
    case windows874 = "windows-874"
    case windows1250 = "windows-1250"
    case windows1251 = "windows-1251"
    case windows1252 = "windows-1252"
    case windows1253 = "windows-1253"
    case windows1254 = "windows-1254"
    case windows1255 = "windows-1255"
    case windows1256 = "windows-1256"
    case windows1257 = "windows-1257"
    case windows1258 = "windows-1258"
    case xMacCyrillic = "x-mac-cyrillic"

    /// ICU's converter for the upper half, or nil where ICU 72 has none.
    ///
    /// Checked against glibc's iconv tables byte by byte: they agree except where ICU,
    /// like WHATWG, decodes a windows-125x hole in 0x80-0x9F as the C1 control of
    /// the same value, and the cases patched in ``patches``.
    var icuName: String? {
        switch self {
        case .ibm866: "ibm-866_P100-1995"
        case .iso8859_2: "ibm-912_P100-1995"
        case .iso8859_3: "ibm-913_P100-2000"
        case .iso8859_4: "ibm-914_P100-1995"
        case .iso8859_5: "ibm-915_P100-1995"
        case .iso8859_6: "ibm-1089_P100-1995"
        case .iso8859_7: "ibm-9005_X110-2007"  // the 2003 edition, with the euro at 0xA4
        case .iso8859_8, .iso8859_8I: "ibm-5012_P100-1999"  // they differ only in layout
        case .iso8859_10: "iso-8859_10-1998"
        case .iso8859_13: "ibm-921_P100-1995"
        case .iso8859_14: "iso-8859_14-1998"
        case .iso8859_15: "ibm-923_P100-1998"
        case .iso8859_16: nil
        case .koi8R: "ibm-878_P100-1996"
        case .koi8U: "ibm-1168_P100-2002"
        case .macintosh: "macos-0_2-10.2"
        case .windows874: "windows-874-2000"
        case .windows1250: "ibm-5346_P100-1998"
        case .windows1251: "ibm-5347_P100-1998"
        case .windows1252: "ibm-5348_P100-1997"
        case .windows1253: "ibm-5349_P100-1998"
        case .windows1254: "ibm-5350_P100-1998"
        case .windows1255: "ibm-9447_P100-2002"
        case .windows1256: "ibm-9448_X100-2005"
        case .windows1257: "ibm-9449_P100-2002"
        case .windows1258: "ibm-5354_P100-1998"
        case .xMacCyrillic: "macos-7_3-10.2"
        }
    }

    /// Where WHATWG's index differs from ICU's table: byte → code point, nil for none.
    var patches: [(byte: UInt8, scalar: UInt32?)] {
        switch self {
        // KOI8-U in WHATWG is KOI8-RU: Belarusian ў and Ў instead of two box drawings.
        case .koi8U: [(0xAE, 0x045E), (0xBE, 0x040E)]
        // Hebrew point qamats qatan, which Windows added after ICU's table.
        case .windows1255: [(0xCA, 0x05BA)]
        // ICU maps these to private-use code points; WHATWG maps them to nothing.
        case .windows874: [0xDB, 0xDC, 0xDD, 0xDE, 0xFC, 0xFD, 0xFE, 0xFF].map { ($0, nil) }
        default: []
        }
    }

    /// ISO-8859-16 (Latin-10, Romanian), 0xA0-0xFF, which ICU 72 does not ship; taken
    /// from the standard's table (0x80-0x9F are the C1 controls).
    static let iso8859_16Upper: [UInt32] = [
        0x00A0, 0x0104, 0x0105, 0x0141, 0x20AC, 0x201E, 0x0160, 0x00A7,
        0x0161, 0x00A9, 0x0218, 0x00AB, 0x0179, 0x00AD, 0x017A, 0x017B,
        0x00B0, 0x00B1, 0x010C, 0x0142, 0x017D, 0x201D, 0x00B6, 0x00B7,
        0x017E, 0x010D, 0x0219, 0x00BB, 0x0152, 0x0153, 0x0178, 0x017C,
        0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0106, 0x00C6, 0x00C7,
        0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
        0x0110, 0x0143, 0x00D2, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x015A,
        0x0170, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x0118, 0x021A, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x0107, 0x00E6, 0x00E7,
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
        0x0111, 0x0144, 0x00F2, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x015B,
        0x0171, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0119, 0x021B, 0x00FF,
    ]
}
