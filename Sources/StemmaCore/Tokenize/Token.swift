/// A word, number, punctuation mark or character of text without spaces, located by its bytes.
///
/// `range` indexes the UTF-8 bytes of the original text, so slicing it always yields whole Unicode
/// scalars, and `key` is the hash of the normalized form used for matching
/// (see ``TokenNormalizer``).
public struct Token: Sendable, Hashable {
    /// What a token is, for matching and for classifying edits.
    public enum Kind: UInt8, Sendable, Hashable, Codable {
        /// Letters, possibly joined by apostrophes, hyphens or initialism dots: `they’ll`, `U.S.-led`.
        case word
        /// A token that starts with a digit: `2,870`, `2.5`, `21st`, `49-year-old`, `2022-03-02`.
        case number
        /// One punctuation mark or symbol (an emoji with its modifiers counts as one).
        case punctuation
        /// One character of a script written without spaces (Chinese, Japanese, Thai and kin):
        /// such text falls back to character tokens for matching.
        case character
    }

    // Offsets are stored as 32-bit values: a token then takes 24 bytes instead of 32, which matters
    // for the multi-megabyte inputs the diff must handle. Texts are limited to 4 GiB.
    private var start: UInt32
    private var end: UInt32

    /// The UTF-8 byte range in the original text.
    public var range: Range<Int> {
        get { Int(start)..<Int(end) }
        set {
            start = UInt32(newValue.lowerBound)
            end = UInt32(newValue.upperBound)
        }
    }
    /// `StableHash` of the normalized form.
    public var key: UInt64
    public var kind: Kind
    /// Whether the first letter is upper case (`Kremlin`, `U.N.`); false for non-cased scripts.
    public var isCapitalized: Bool
    /// Whether the first letter is lower case; a sentence does not start at such a token.
    public var isLowercase: Bool

    public init(range: Range<Int>, key: UInt64, kind: Kind, isCapitalized: Bool = false, isLowercase: Bool = false) {
        precondition(range.upperBound <= Int(UInt32.max), "Texts are limited to 4 GiB")
        self.start = UInt32(range.lowerBound)
        self.end = UInt32(range.upperBound)
        self.key = key
        self.kind = kind
        self.isCapitalized = isCapitalized
        self.isLowercase = isLowercase
    }

    /// Whether this token carries wording (a word, number or character) rather than punctuation.
    public var isWordLike: Bool { kind != .punctuation }
}
