/// A text with its tokens, sentences and quotation spans: everything the diff needs, computed once.
///
/// ```swift
/// let text = AnalyzedText("Mr. Putin spoke. “We will win,” he said.")
/// text.sentences.count        // 2
/// text.string(of: text.sentences[1])  // "“We will win,” he said."
/// ```
public struct AnalyzedText: Sendable {
    /// The original text's UTF-8 bytes; every range Stemma reports indexes these.
    public let bytes: [UInt8]
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// For each token, whether it stands inside quotation marks.
    public let quoted: [Bool]
    /// The date given by a leading `date YYYY-MM-DD` marker, if any.
    public let markerDate: String?

    /// Analyzes a text with the default sentence splitter.
    public init(_ text: String, splitter: SentenceSplitter = SentenceSplitter()) {
        self.init(bytes: Array(text.utf8), splitter: splitter)
    }

    /// Analyzes UTF-8 bytes, which must be valid UTF-8.
    public init(bytes: [UInt8], splitter: SentenceSplitter = SentenceSplitter()) {
        self.bytes = bytes
        (tokens, sentences, markerDate) = bytes.withUnsafeBufferPointer { buffer in
            let tokens = Tokenizer.tokens(inUTF8: buffer)
            let sentences = splitter.sentences(in: buffer, tokens: tokens)
            return (tokens, sentences, MetadataMarker.leadingDate(in: buffer)?.date)
        }
        quoted = QuotationTracker.quotedTokens(tokens, sentences: sentences, bytes: bytes)
    }

    /// The text of a byte range.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The text of a sentence.
    public func string(of sentence: Sentence) -> String {
        string(sentence.range)
    }

    /// The text of a token.
    public func string(of token: Token) -> String {
        string(token.range)
    }

    /// The normalized text of a token, as matching sees it.
    public func normalizedString(of token: Token) -> String {
        bytes[token.range].withUnsafeBufferPointer { TokenNormalizer.normalizedForm(of: $0) }
    }
}

/// Marks the tokens that stand between quotation marks.
enum QuotationTracker {
    /// `“` opens and `”` closes; a straight `"` toggles, and so does `''`, two apostrophes typed
    /// for one (broadcast copy: `He said: ''We are appealing.''`). A single `'` is an apostrophe
    /// as often as a quotation mark, and toggles nothing. News style reopens a quotation at each
    /// paragraph it continues into, so every paragraph starts outside quotation marks.
    static func quotedTokens(_ tokens: [Token], sentences: [Sentence], bytes: [UInt8]) -> [Bool] {
        var quoted = [Bool](repeating: false, count: tokens.count)
        let opening: [UInt8] = Array("“".utf8), closing: [UInt8] = Array("”".utf8)
        var inside = false
        var paragraph = -1
        var pairedApostrophe = -1  // the second `'` of a `''` typed as two tokens
        for sentence in sentences {
            if sentence.paragraph != paragraph {
                paragraph = sentence.paragraph
                inside = false
            }
            for index in sentence.tokens {
                let token = tokens[index]
                guard token.kind == .punctuation else {
                    quoted[index] = inside
                    continue
                }
                let text = bytes[token.range]
                let apostrophe = UInt8(ascii: "'")
                if text.elementsEqual(opening) {
                    inside = true
                } else if text.elementsEqual(closing) {
                    inside = false
                } else if text.count == 1, text.first == UInt8(ascii: "\"") {
                    inside.toggle()
                } else if text.count == 2, text.allSatisfy({ $0 == apostrophe }) {
                    inside.toggle()
                } else if text.count == 1, text.first == apostrophe, index != pairedApostrophe, index + 1 < tokens.count,
                    tokens[index + 1].range.lowerBound == token.range.upperBound,
                    bytes[tokens[index + 1].range].elementsEqual([apostrophe])
                {
                    inside.toggle()
                    pairedApostrophe = index + 1
                }
            }
        }
        return quoted
    }
}
