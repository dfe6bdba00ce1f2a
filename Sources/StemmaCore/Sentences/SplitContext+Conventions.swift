extension SplitContext {
    /// If the sentence starting at `start` opens with a wire dateline (`DUBAI, United Arab Emirates
    /// (AP) —`, `KANSAS CITY, Mo. —`), the index of its dash: no sentence ends before it, so the
    /// dateline stays with the first sentence even where it holds an abbreviation's stop.
    ///
    /// A dateline is a place in capitals, then capitalised words, commas, stops and a bracketed
    /// agency, then a dash and a space, all within a few tokens of the start of a line.
    func datelineEnd(from start: Int) -> Int? {
        guard start < tokens.count, isAtLineStart(start), isAllCapitals(start) else { return nil }
        var index = start + 1
        var depth = 0
        while index < tokens.count, index - start <= Self.maximumDatelineTokens {
            let token = tokens[index]
            if hasSpace(before: index), newlines(before: index) > 0 { return nil }
            if token.kind == .word {
                guard token.isCapitalized || depth > 0 else { return nil }
            } else if token.kind != .punctuation {
                return nil
            } else if isByte(index, "(") {
                depth += 1
            } else if isByte(index, ")") {
                depth -= 1
            } else if depth == 0, isMark(index, in: Self.datelineDashes) {
                return index + 1 < tokens.count && hasSpace(before: index + 1) ? index : nil
            } else if !(isByte(index, ",") || isByte(index, ".")) {
                return nil
            }
            index += 1
        }
        return nil
    }

    static let maximumDatelineTokens = 12
    static let datelineDashes: [[UInt8]] = ["—", "–", "-", "_"].map { Array($0.utf8) }

    /// Whether token `index` is a word of two or more letters, all upper-case ASCII (`DUBAI`).
    func isAllCapitals(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, token.range.count >= 2 else { return false }
        return bytes[token.range].allSatisfy { $0 &- 0x41 < 26 }
    }

    /// If the colon at token `index` ends a sentence, `index`.
    ///
    /// A colon ends a sentence when the clause before it cannot be complete (it ends in a verb that
    /// needs a complement: `are:`, `include:`, `the following:`) and what comes after opens a
    /// sentence of its own (`They all live in the district.`): the list it introduced is no longer
    /// there. A colon before a quotation or a name (`are: Jane Doe, …`) keeps its sentence.
    func colonEnd(at index: Int) -> Int? {
        guard index > 0, index + 1 < tokens.count, isByte(index, ":"), !hasSpace(before: index),
            hasSpace(before: index + 1), SentenceSplitter.complementWords.contains(tokens[index - 1].key)
        else { return nil }
        let next = tokens[index + 1]
        return next.kind == .word && next.isCapitalized && isSentenceStarter(index + 1) ? index : nil
    }

    /// If the sentence starting at `start` is a bracketed credit or note (`(AP Photo/Jane Doe)`,
    /// `(Reporting by Jane Doe)`) whose bracket closes at `index` before a new sentence, `index`.
    ///
    /// Such a group carries no final stop, yet what follows it is a sentence of its own.
    func bracketedNoteEnd(at index: Int, start: Int) -> Int? {
        guard isByte(index, ")"), isByte(start, "("), index + 1 < tokens.count,
            hasSpace(before: index + 1)
        else { return nil }
        var depth = 0
        for inner in start..<index {
            if isByte(inner, "(") { depth += 1 }
            if isByte(inner, ")") { depth -= 1 }
            if depth == 0 || isTerminal(inner) { return nil }
        }
        let next = tokens[index + 1]
        let opens = next.kind == .number || (next.kind == .word && next.isCapitalized) || isMark(index + 1, in: Self.openingMarks)
        return opens ? index : nil
    }

    /// Whether only punctuation stands between token `end` and the end of its paragraph: a closing
    /// `''` or `"` set off by a space (`… for help. ''`) is the end of the sentence before it, never a
    /// sentence of its own.
    func onlyPunctuationFollows(inParagraphAfter end: Int) -> Bool {
        var index = end + 1
        while index < tokens.count, newlines(before: index) < 2 {
            guard tokens[index].kind == .punctuation else { return false }
            index += 1
        }
        return index > end + 1
    }
}
