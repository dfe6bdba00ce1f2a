import Foundation

/// Folds a token's bytes to the form used for matching, and hashes that form.
///
/// Matching ignores differences a reader would not call edits of wording: letter case, curly versus
/// straight quotes and apostrophes, dash variants, the ellipsis character versus three dots, and
/// Unicode compatibility forms (NFKC: full-width letters, ligatures, superscripts). Output never shows
/// the folded form; it always slices the original bytes.
///
/// ASCII tokens, the vast majority in news prose, are folded and hashed in one pass over their bytes
/// without allocating. Other tokens go through `String` for NFKC and Unicode lowercasing.
public enum TokenNormalizer {
    /// The matching key of a token: `StableHash` of its normalized UTF-8 bytes.
    ///
    /// Curly quotes, apostrophes, dashes and the ellipsis are folded on the bytes as well: they are
    /// the non-ASCII characters news prose uses most, and going through `String` for them made
    /// tokenizing the seed texts three times slower.
    @inlinable
    public static func key(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state = StableHash.offsetBasis
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                state = (state ^ UInt64(asciiLowercase(byte))) &* StableHash.prime
                index += 1
                continue
            }
            guard byte == 0xE2, index + 2 < bytes.count, let folded = foldedPunctuation(bytes[index + 1], bytes[index + 2]) else {
                return StableHash.hash(normalizedForm(of: bytes).utf8)
            }
            for _ in 0..<(folded == UInt8(ascii: ".") ? 3 : 1) {
                state = (state ^ UInt64(folded)) &* StableHash.prime
            }
            index += 3
        }
        return StableHash.finalize(state)
    }

    /// The ASCII fold of a three-byte punctuation mark `E2 b1 b2`, or nil; `.` stands for `...`.
    /// Must agree with `normalizedForm(of:)`.
    @inlinable
    static func foldedPunctuation(_ b1: UInt8, _ b2: UInt8) -> UInt8? {
        guard b1 == 0x80 else { return nil }
        switch b2 {
        case 0x98, 0x99, 0x9A, 0x9B, 0xB2: return UInt8(ascii: "'")
        case 0x9C, 0x9D, 0x9E, 0x9F, 0xB3: return UInt8(ascii: "\"")
        case 0x90...0x95: return UInt8(ascii: "-")
        case 0xA6: return UInt8(ascii: ".")
        default: return nil
        }
    }

    /// The normalized text of a token, for display in debugging output and for word lists.
    public static func normalizedForm(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        let original = String(decoding: bytes, as: UTF8.self)
        if bytes.allSatisfy({ $0 < 0x80 }) { return original.lowercased() }
        var folded = String.UnicodeScalarView()
        for scalar in original.unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: folded.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: folded.append("\"")
            case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: folded.append("-")
            case 0x2026: folded.append(contentsOf: "...".unicodeScalars)
            default: folded.append(scalar)
            }
        }
        return String(folded).precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// The normalized text of a token given as a string.
    public static func normalizedForm(of text: String) -> String {
        var copy = text
        return copy.withUTF8 { normalizedForm(of: $0) }
    }

    @inlinable
    static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}

extension TokenNormalizer {
    /// The matching key of a word given as a string, for building word lists.
    public static func key(of word: String) -> UInt64 {
        var copy = word
        return copy.withUTF8 { key(of: $0) }
    }

    /// The keys of a list of words.
    public static func keys(of words: some Sequence<String>) -> KeySet {
        KeySet(words.map { key(of: $0) })
    }
}
