extension SplitContext {
    /// The number of line breaks in the whitespace before token `index`.
    func newlines(before index: Int) -> Int {
        let gap = tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound
        var count = 0
        var previous: UInt8 = 0
        for offset in gap {
            let byte = bytes[offset]
            if byte == 0x0A || (byte == 0x0D && offset + 1 < gap.upperBound && bytes[offset + 1] != 0x0A) {
                count += 1
            } else if byte == 0x0D, offset + 1 == gap.upperBound {
                count += 1
            } else if previous == 0xE2, byte == 0x80, offset + 1 < gap.upperBound {
                let last = bytes[offset + 1]
                if last == 0xA8 { count += 1 }  // U+2028 LINE SEPARATOR
                if last == 0xA9 { count += 2 }  // U+2029 PARAGRAPH SEPARATOR
            }
            previous = byte
        }
        return count
    }

    func hasSpace(before index: Int) -> Bool {
        tokens[index - 1].range.upperBound < tokens[index].range.lowerBound
    }

    /// The first token on the line of token `index`.
    func lineStart(of index: Int) -> Int {
        var first = index
        while first > 0, newlines(before: first) == 0 { first -= 1 }
        return first
    }

    func text(of token: Token) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[token.range])
    }

    /// Whether the token is the one ASCII mark `mark`; cheaper than `isOneOf`, whose set literal
    /// allocates, on paths taken at every token.
    func isByte(_ index: Int, _ mark: Unicode.Scalar) -> Bool {
        let token = tokens[index]
        return token.kind == .punctuation && token.range.count == 1 && bytes[token.range.lowerBound] == UInt8(ascii: mark)
    }

    func isOneOf(_ index: Int, _ candidates: Set<UInt8>) -> Bool {
        let token = tokens[index]
        return token.kind == .punctuation && token.range.count == 1 && candidates.contains(bytes[token.range.lowerBound])
    }

    /// Whether the token is `.`, `!`, `?`, an ellipsis or a full-width stop.
    func isTerminal(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punctuation else { return false }
        let text = text(of: token)
        if text.count == 1 { return [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(text[0]) }
        return Self.terminalMarks.contains { $0.elementsEqual(text) }
    }

    static let terminalMarks: [[UInt8]] = ["...", "…", "。", "！", "？", "‼", "⁉"].map { Array($0.utf8) }
    static let closingMarks: [[UInt8]] = ["”", "’", "\"", "'", ")", "]", "»", "」", "』"].map { Array($0.utf8) }
    static let openingMarks: [[UInt8]] = ["“", "‘", "\"", "'", "(", "[", "«", "「", "『"].map { Array($0.utf8) }

    func isMark(_ index: Int, in marks: [[UInt8]]) -> Bool {
        let token = tokens[index]
        guard token.kind == .punctuation else { return false }
        let text = text(of: token)
        return marks.contains { $0.elementsEqual(text) }
    }

    /// Whether the last token before a paragraph break closes a sentence (`.`, or `.”`).
    func endsWithTerminal(_ index: Int) -> Bool {
        var last = index
        while last > 0, isMark(last, in: Self.closingMarks) { last -= 1 }
        return isTerminal(last) || endsWithInitialismDot(last)
    }

    func endsWithInitialismDot(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .word && bytes[token.range.upperBound - 1] == UInt8(ascii: ".")
    }

    /// If token `index` ends the sentence that began at `start`, the sentence's last token and kind:
    /// a final stop, a colon before a lost list, or the bracket of a credit standing alone.
    func stopEnd(at index: Int, start: Int) -> (end: Int, kind: Sentence.Kind)? {
        let stop: (end: Int, kind: Sentence.Kind)
        if let end = sentenceEnd(atTerminal: index) {
            stop = (end, .text)
        } else if let end = colonEnd(at: index) {
            stop = (end, .text)
        } else if let end = bracketedNoteEnd(at: index, start: start) {
            stop = (end, headingOrText(start..<(end + 1)))
        } else {
            return nil
        }
        return onlyPunctuationFollows(inParagraphAfter: stop.end) ? nil : stop
    }

    /// If token `index` ends a sentence, the index of the sentence's last token (after closing marks).
    func sentenceEnd(atTerminal index: Int) -> Int? {
        let isInitialism = endsWithInitialismDot(index)
        guard isTerminal(index) || isInitialism else { return nil }
        if index > 0, isListNumber(index - 1) { return nil }
        var end = index
        while end + 1 < tokens.count, !hasSpace(before: end + 1),
            isTerminal(end + 1) || isMark(end + 1, in: Self.closingMarks)
        {
            end += 1
        }
        let next = end + 1
        guard next < tokens.count else { return end }
        let fullWidthStop = tokens[index].range.count > 1 && !isMark(index, in: [Array("...".utf8), Array("…".utf8)])
        guard hasSpace(before: next) || fullWidthStop else { return nil }
        guard opensSentence(next) else { return nil }
        if isInitialism { return isSentenceStarter(next) || clockTimeEnds(at: index, before: next) ? end : nil }
        guard bytes[tokens[index].range.lowerBound] == UInt8(ascii: "."), index > 0, !hasSpace(before: index) else {
            return end
        }
        return periodEndsSentence(after: index - 1, next: next) ? end : nil
    }

    /// Whether a clock time (`8 p.m.`) ends its sentence before the capitalised word `next`: a
    /// time is followed by what qualifies it (`8 p.m. Tuesday`, `p.m. EDT`, `Eastern`) or by a
    /// new sentence, hardly ever by a name (`…to 8 p.m. Results will be posted…`).
    func clockTimeEnds(at index: Int, before next: Int) -> Bool {
        SentenceSplitter.clockSuffixes.contains(tokens[index].key) && tokens[next].kind == .word
            && !SentenceSplitter.timeQualifiers.contains(tokens[next].key)
    }

    /// Decides a period that follows the word at `wordIndex`, given the next token.
    func periodEndsSentence(after wordIndex: Int, next: Int) -> Bool {
        let word = tokens[wordIndex]
        guard word.kind == .word else { return true }
        if SentenceSplitter.titleAbbreviations.contains(word.key) { return false }
        if SentenceSplitter.numberAbbreviations.contains(word.key), tokens[next].kind == .number { return false }
        let isSingleInitial = word.isCapitalized && word.range.count == 1
        if isSingleInitial || SentenceSplitter.ambiguousAbbreviations.contains(word.key) {
            return isSentenceStarter(next)
        }
        return true
    }

    /// Whether token `index` can open a sentence: a capitalised word, a number, a character of a
    /// script without case, or an opening mark or dash before one of these.
    func opensSentence(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .number, .character: return true
        case .word: return !token.isLowercase
        case .punctuation:
            guard index + 1 < tokens.count else { return false }
            if isMark(index, in: Self.openingMarks) || isByte(index, "-") {
                return !tokens[index + 1].isLowercase
            }
            return !token.isLowercase && text(of: token).first.map { $0 >= 0x80 } ?? false
        }
    }

    func isSentenceStarter(_ index: Int) -> Bool {
        var index = index
        while index + 1 < tokens.count, tokens[index].kind == .punctuation { index += 1 }
        return SentenceSplitter.sentenceStarters.contains(tokens[index].key)
    }

    /// Whether the line `range` (ending at a single line break) is a headline or dateline: few
    /// words, no final punctuation, and a longer line after it starting with a capital.
    func isHeadlineLine(_ range: Range<Int>) -> Bool {
        let last = range.upperBound - 1
        guard !endsWithTerminal(last), tokens[last].isWordLike || isMark(last, in: Self.closingMarks) else {
            return false
        }
        let words = tokens[range].lazy.filter(\.isWordLike).count
        guard words <= splitter.maximumHeadlineWords, range.upperBound < tokens.count,
            opensSentence(range.upperBound)
        else { return false }
        var nextLineEnd = range.upperBound + 1
        while nextLineEnd < tokens.count, newlines(before: nextLineEnd) == 0 { nextLineEnd += 1 }
        let lineBytes = tokens[last].range.upperBound - tokens[range.lowerBound].range.lowerBound
        let nextBytes = tokens[nextLineEnd - 1].range.upperBound - tokens[range.upperBound].range.lowerBound
        return lineBytes * 5 < nextBytes * 4
    }
}
