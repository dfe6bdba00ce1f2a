/// A sentence of a text: a run of tokens and the bytes from its first token to its last.
///
/// The whitespace between sentences belongs to no sentence; ``AnalyzedText`` keeps it so that output
/// can reproduce the text byte for byte.
public struct Sentence: Sendable, Hashable {
    /// What kind of line or sentence this is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A sentence of running prose.
        case text
        /// A line without final punctuation standing alone: a headline, crosshead or dateline.
        case heading
        /// A leading metadata marker such as `date 2022-03-02`, never part of the prose.
        case metadata
    }

    /// Indices into the text's tokens.
    public var tokens: Range<Int>
    /// The UTF-8 byte range from the start of the first token to the end of the last.
    public var range: Range<Int>
    /// The index of the paragraph (blank-line separated block) this sentence is in.
    public var paragraph: Int
    public var kind: Kind

    public init(tokens: Range<Int>, range: Range<Int>, paragraph: Int, kind: Kind) {
        self.tokens = tokens
        self.range = range
        self.paragraph = paragraph
        self.kind = kind
    }
}
