/// Splits tokenized news prose into sentences and paragraphs.
///
/// A rule-based splitter in the spirit of pySBD's "golden rules" (Sadvilkar & Neumann 2020):
/// - a blank line ends a paragraph, and so a sentence;
/// - `.`, `!`, `?` and ellipses end a sentence when whitespace and an upper-case word, a number or
///   an opening quotation mark follow; closing quotation marks and brackets right after the mark
///   belong to the sentence that ends there (`… causing.” Instead, …` ends after `”`);
/// - titles and months never end one (`Mr.`, `Gen.`, `Feb. 24`), nor does a single initial
///   (`David R. Sands`); after initialisms (`U.S.`, `a.m.`) and company suffixes (`Inc.`) a sentence
///   ends only before a common sentence opener (`The`, `He`, `But`);
/// - a short first line without final punctuation, followed on the next line by a longer line, is a
///   headline or dateline of its own; a leading `date YYYY-MM-DD` marker is metadata;
/// - the conventions of wire and web copy: a rule (`___`) opens a sentence, a wire dateline
///   (`KANSAS CITY, Mo. (AP) —`) never ends one before its dash, a colon after a word that needs a
///   complement (`are:`) ends one before a new sentence, marks left at a paragraph's end (`''`)
///   stay with the sentence before them, list items, bylines, label lines (`Photo:`) and bracketed
///   credits stand alone, and a line broken before its paragraph's width required ends a sentence
///   (see `SplitContext+Lines.swift` and `SplitContext+Conventions.swift`).
///
/// Sentences are consecutive ranges of tokens that together cover every token, so output can
/// rebuild the text byte for byte from them and the whitespace between.
///
/// - Complexity: O(*n*) in the number of tokens.
public struct SentenceSplitter: Sendable {
    /// Lines of at most this many words may be headlines.
    public var maximumHeadlineWords = 14

    public init() {}

    /// The sentences of a text, given its bytes and tokens.
    public func sentences(in bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Sentence] {
        var context = SplitContext(bytes: bytes, tokens: tokens, splitter: self)
        return context.run()
    }
}

/// One run of ``SentenceSplitter`` over a text.
struct SplitContext {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let splitter: SentenceSplitter
    var sentences: [Sentence] = []
    var paragraph = 0
    /// The widest line of the paragraph last measured, by paragraph index (see `paragraphWidth`).
    var widthCache: (paragraph: Int, width: Int)?

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], splitter: SentenceSplitter) {
        self.bytes = bytes
        self.tokens = tokens
        self.splitter = splitter
    }

    mutating func run() -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        var start = 0
        if let marker = MetadataMarker.leadingDate(in: bytes) {
            let end = tokens.firstIndex { $0.range.lowerBound >= marker.range.upperBound } ?? tokens.count
            append(start..<end, kind: .metadata)
            start = end
            if start < tokens.count, newlines(before: start) >= 2 { paragraph += 1 }
        }
        var index = start
        var datelineDash = datelineEnd(from: start)
        while index < tokens.count {
            let next = index + 1
            let breaks = next < tokens.count ? newlines(before: next) : 2
            var end: Int?
            var kind = Sentence.Kind.text
            if breaks >= 2 {
                append(start..<next, kind: endsWithTerminal(next - 1) ? .text : headingOrText(start..<next))
                paragraph += 1
                start = next
                index = next
                datelineDash = datelineEnd(from: start)
                continue
            } else if breaks == 1, start == lineStart(of: index), isHeadlineLine(start..<next) {
                (end, kind) = (index, .heading)
            } else if breaks == 1, !onlyPunctuationFollows(inParagraphAfter: index), lineBreakEndsSentence(before: next) {
                (end, kind) = (index, endsWithTerminal(index) ? .text : headingOrText(start..<next))
            } else if breaks == 0, next < tokens.count, tokens[next].kind == .punctuation, isSeparatorRun(next),
                !onlyPunctuationFollows(inParagraphAfter: index)
            {
                (end, kind) = (index, endsWithTerminal(index) ? .text : headingOrText(start..<next))
            } else if mayEndSentence(index), datelineDash.map({ index >= $0 }) ?? true, let stop = stopEnd(at: index, start: start) {
                (end, kind) = stop
            }
            guard let end else {
                index = next
                continue
            }
            append(start..<(end + 1), kind: kind)
            // The end may lie past `index` (closing quotes), so its paragraph break is checked here.
            if end + 1 < tokens.count, newlines(before: end + 1) >= 2 { paragraph += 1 }
            start = end + 1
            index = end + 1
            datelineDash = datelineEnd(from: start)
        }
        return sentences
    }

    /// Whether token `index` could end a sentence at all: a mark, or a word ending in a stop
    /// (`U.S.`). Most tokens are plain words, and this spares them the rules (a third of the
    /// splitter's time).
    func mayEndSentence(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .punctuation || (token.kind == .word && bytes[token.range.upperBound - 1] == UInt8(ascii: "."))
    }

    mutating func append(_ range: Range<Int>, kind: Sentence.Kind) {
        guard !range.isEmpty else { return }
        let bytes = tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound
        sentences.append(Sentence(tokens: range, range: bytes, paragraph: paragraph, kind: kind))
    }

    /// A paragraph without final punctuation and with few words is a heading ("Global condemnation").
    func headingOrText(_ range: Range<Int>) -> Sentence.Kind {
        let words = tokens[range].lazy.filter(\.isWordLike).count
        return words <= splitter.maximumHeadlineWords ? .heading : .text
    }
}
