extension SplitContext {
    /// Whether the single line break before token `next` ends a sentence that has no final stop:
    /// the structure of lists, bylines, credits and extracted pages, as opposed to hard-wrapped prose.
    ///
    /// A line break is a boundary when the next line opens a list item or a separator, when the
    /// line before or the next line is a list item, byline or label line (`Photo: …`, `Related: …`)
    /// and the next line opens a sentence, or when the line before was broken early (see
    /// `isEarlyBreak`).
    mutating func lineBreakEndsSentence(before next: Int) -> Bool {
        if isListMarker(next) || isSeparatorRun(next) { return true }
        // A final stop is the sentence rules' to judge (`Mr.` at the end of a line ends nothing).
        if endsWithTerminal(next - 1) { return false }
        let first = lineStart(of: next - 1)
        guard opensSentence(next), tokens[first..<next].contains(where: \.isWordLike) else { return false }
        if isListMarker(first) || isLabelLine(first) || isByline(first) { return true }
        // A byline or label line under a headline stands alone too: `By` is capitalised only
        // where a sentence or a credit opens.
        if isByline(next) || isLabelLine(next) { return true }
        return isEarlyBreak(first..<next)
    }

    /// Whether the line `line` ends before the paragraph's width required it to, so that the
    /// writer, not a wrapping program, broke it.
    ///
    /// A greedy wrapper breaks a line only when the next word does not fit; other wrappers leave
    /// lines at least four fifths full. A line shorter than both bounds is a line of its own (a
    /// heading, a list item, a credit). Paragraphs whose lines are all narrower than
    /// `minimumWrapWidth` are not wrapped prose at all: wire and e-mail copy wraps at 60 columns
    /// or more.
    mutating func isEarlyBreak(_ line: Range<Int>) -> Bool {
        let last = line.upperBound - 1
        guard !isOneOf(last, Self.continuationMarks) else { return false }
        let width = paragraphWidth(around: last)
        guard width >= Self.minimumWrapWidth else { return true }
        let length = tokens[last].range.upperBound - tokens[line.lowerBound].range.lowerBound
        let nextWord = tokens[line.upperBound].range.count
        return length + 1 + nextWord <= width && length * 5 < width * 4
    }

    static let minimumWrapWidth = 40
    /// Marks after which a line continues on the next: `Smith,` `and/` `-`.
    static let continuationMarks: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "-"), UInt8(ascii: "&"), UInt8(ascii: "/")]

    /// The byte length of the longest line of the paragraph holding token `index`, computed once
    /// per paragraph so that the rule stays linear.
    mutating func paragraphWidth(around index: Int) -> Int {
        if let cached = widthCache, cached.paragraph == paragraph { return cached.width }
        var first = index
        while first > 0, newlines(before: first) < 2 { first -= 1 }
        var widest = 0, lineFirst = first, position = first + 1
        while true {
            let breaks = position < tokens.count ? newlines(before: position) : 2
            if breaks > 0 {
                widest = max(widest, tokens[position - 1].range.upperBound - tokens[lineFirst].range.lowerBound)
                lineFirst = position
                if breaks >= 2 { break }
            }
            position += 1
        }
        widthCache = (paragraph, widest)
        return widest
    }

    /// Whether token `index` opens a list item at the start of a line: a bullet or dash, or a
    /// number of one or two digits with `.` or `)`, followed by a space.
    func isListMarker(_ index: Int) -> Bool {
        guard index < tokens.count, isAtLineStart(index), index + 1 < tokens.count else { return false }
        let token = tokens[index]
        if token.kind == .punctuation {
            return hasSpace(before: index + 1) && isMark(index, in: Self.bulletMarks)
        }
        return isListNumber(index) && index + 2 < tokens.count && hasSpace(before: index + 2)
    }

    /// Whether token `index` is the number of a numbered list item (`2.` or `2)` at a line start),
    /// whose stop never ends a sentence.
    func isListNumber(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .number, token.range.count <= 2, index + 1 < tokens.count, isAtLineStart(index),
            !hasSpace(before: index + 1)
        else { return false }
        return (isByte(index + 1, ".") || isByte(index + 1, ")"))
    }

    static let bulletMarks: [[UInt8]] = ["•", "◦", "▪", "‣", "·", "-", "*", "–", "—"].map { Array($0.utf8) }

    func isAtLineStart(_ index: Int) -> Bool {
        index == 0 || newlines(before: index) > 0
    }

    /// Whether a rule of three or more like marks (`___`, `---`, `***`, `===`) stands at token
    /// `index` between spaces: AP sets its credit lines apart with `___`, and text pages mark
    /// section breaks so. What follows a rule is a new sentence, and the rule belongs to it.
    /// A rule at the end of a paragraph stays with the sentence before it (see
    /// `onlyPunctuationFollows`).
    func isSeparatorRun(_ index: Int) -> Bool {
        guard index > 0, index + 2 < tokens.count, tokens[index].kind == .punctuation else { return false }
        let token = tokens[index]
        // The first byte turns away other marks before the comparison with each rule mark.
        switch bytes[token.range.lowerBound] {
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "="), UInt8(ascii: "~"), 0xE2: break
        default: return false
        }
        guard hasSpace(before: index), isMark(index, in: Self.ruleMarks) else { return false }
        var end = index + 1
        while end < tokens.count, !hasSpace(before: end), tokens[end].key == token.key, tokens[end].kind == .punctuation {
            end += 1
        }
        // A run inside a sentence (`Friday --- and it`) is a dash, not a rule.
        return end - index >= 3 && end < tokens.count && hasSpace(before: end) && opensSentence(end)
    }

    static let ruleMarks: [[UInt8]] = ["_", "-", "*", "=", "~", "—", "–"].map { Array($0.utf8) }

    /// Whether the line starting at `first` opens with a label: one or two capitalised words and
    /// a colon (`Photo:`, `Related:`, `Read more:`, `WATCH:`).
    func isLabelLine(_ first: Int) -> Bool {
        var index = first
        while index < tokens.count, index - first < 2, tokens[index].kind == .word, !isLineBreak(before: index, from: first) {
            index += 1
        }
        guard index > first, tokens[first].isCapitalized, index + 1 < tokens.count,
            isByte(index, ":"), hasSpace(before: index + 1)
        else { return false }
        return !hasSpace(before: index)
    }

    /// Whether the line starting at `first` is a byline: `By` and a capitalised name.
    func isByline(_ first: Int) -> Bool {
        guard first + 1 < tokens.count, tokens[first].key == SentenceSplitter.byKey, tokens[first].isCapitalized else {
            return false
        }
        return tokens[first + 1].kind == .word && tokens[first + 1].isCapitalized
    }

    private func isLineBreak(before index: Int, from first: Int) -> Bool {
        index > first && newlines(before: index) > 0
    }
}
