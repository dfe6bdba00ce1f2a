/// How the tokenizer treats one Unicode scalar.
@usableFromInline
enum CharacterClass: UInt8, Sendable {
    case space
    case letter
    case digit
    /// `'`, `’`, `ʼ`: joins letters inside a word (`they’ll`), punctuation elsewhere.
    case apostrophe
    /// `-`, `‐`, `‑`: joins letters and digits inside a word (`49-year-old`), punctuation elsewhere.
    case hyphen
    /// Combining marks, variation selectors, emoji modifiers: they extend the preceding token.
    case mark
    /// Zero-width joiner: glues the scalars on both sides of it into one token.
    case joiner
    /// A character of a script written without spaces: one token per character.
    case character
    case punctuation

    @usableFromInline
    static let ascii: [CharacterClass] = (0..<128).map { byte -> CharacterClass in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case 0x09...0x0D, 0x20: return .space
        case UInt8(ascii: "'"): return .apostrophe
        case UInt8(ascii: "-"): return .hyphen
        case 0x00...0x1F, 0x7F: return .space
        default: return .punctuation
        }
    }

    /// The class of a scalar outside ASCII.
    @usableFromInline
    static func of(_ scalar: Unicode.Scalar) -> CharacterClass {
        let value = scalar.value
        switch value {
        // The punctuation of news prose, decided before any Unicode property lookup: curly
        // quotes, dashes, ellipsis, bullet, guillemets (7% of sketching time went to lookups).
        case 0x2018, 0x201A...0x201F, 0x2012...0x2015, 0x2026, 0x2022, 0x00AB, 0x00BB, 0x00A7, 0x00B6, 0x2032, 0x2033:
            return .punctuation
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x2019, 0x02BC: return .apostrophe
        case 0x2010, 0x2011: return .hyphen
        case 0x200D: return .joiner
        case 0x200C, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0xE0100...0xE01EF: return .mark
        case 0x200B, 0xFEFF, 0x2060: return .space
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F,  // kana
            0x0E00...0x0E7F, 0x0E80...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF:  // Thai, Lao, Myanmar, Khmer
            return isMark(scalar) ? .mark : .character
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if isMark(scalar) { return .mark }
        if properties.isIdeographic { return .character }
        if properties.numericType == .decimal { return .digit }
        if properties.isAlphabetic { return .letter }
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return .space
        default: return .punctuation
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    var isAlphanumeric: Bool { self == .letter || self == .digit }
}
