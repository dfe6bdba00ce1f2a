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
    @inlinable
    public static func key(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state = StableHash.offsetBasis
        for byte in bytes {
            guard byte < 0x80 else { return StableHash.hash(normalizedForm(of: bytes).utf8) }
            state = (state ^ UInt64(asciiLowercase(byte))) &* StableHash.prime
        }
        return StableHash.finalize(state)
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
    public static func keys(of words: some Sequence<String>) -> Set<UInt64> {
        Set(words.map { key(of: $0) })
    }
}
