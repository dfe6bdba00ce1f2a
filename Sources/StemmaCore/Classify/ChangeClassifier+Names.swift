/// A name as one side of a group writes it: a run of capitalised words (`Foreign Minister Sergey
/// Lavrov`, `Mr. Kirby`, `U.N.’s`), with the keys of its parts folded.
struct NameMention {
    /// The tokens a report shows: the run without a first word capitalised by its position (the
    /// start of a sentence or quotation); empty when nothing else is left.
    var shown: Range<Int>
    /// The folded parts of the shown words: possessives dropped, dots dropped, hyphenated words
    /// split (`Thomas-Greenfield’s` → `thomas`, `greenfield`), titles such as `Mr.` left out.
    var parts: [UInt64]
    /// The parts of every word of the run, the positional first word too (`Russia’s` opening a
    /// sentence still mentions Russia).
    var allParts: [UInt64]

    /// Whether `other`, on the other side, mentions this name in some form: this name is the tail
    /// of it (`Biden` of `Joe Biden`, `Lavrov` of `Foreign Minister Sergey Lavrov`), or it is the
    /// tail of this name (`Greenfield` of `Thomas-Greenfield`). News refers back to a person by
    /// the last part of the name; a head in common (`U.N.` and `U.N. General Assembly`) is no
    /// second mention of the same name.
    func isMentioned(by other: NameMention) -> Bool {
        guard !parts.isEmpty else { return false }
        return Self.isTail(parts, of: other.allParts) || (!other.parts.isEmpty && Self.isTail(other.parts, of: parts))
    }

    static func isTail(_ tail: [UInt64], of whole: [UInt64]) -> Bool {
        tail.count <= whole.count && whole.suffix(tail.count).elementsEqual(tail)
    }
}

extension ChangeClassifier {
    /// The names each side of the group mentions that the other side does not mention in any form,
    /// nor the other version anywhere.
    ///
    /// Names are compared over the whole group, both pieces of a split or all sources of a merge
    /// together, in every form (``NameMention/isMentioned(by:)``), and then against the whole other
    /// version (``NameIndex``): so a name that moved to the other piece of a split, or to another
    /// paragraph, is neither added nor removed. A name is reported only when the word diff touched it.
    func nameDifference() -> (removed: [String], added: [String]) {
        // Most groups change no capitalised word; they need no mentions (a tenth of a diff's time).
        guard changedOld.contains(where: { isNameWord(old.tokens[$0]) }) || changedNew.contains(where: { isNameWord(new.tokens[$0]) }) else {
            return ([], [])
        }
        let oldNames = nameMentions(in: old, oldTokens, oldSentences)
        let newNames = nameMentions(in: new, newTokens, newSentences)
        return (unmatched(oldNames, old, changed: changedOld, against: newNames, otherText: new, otherTokens: newTokens, version: names.new),
                unmatched(newNames, new, changed: changedNew, against: oldNames, otherText: old, otherTokens: oldTokens, version: names.old))
    }

    /// The shown text of the mentions that a change touches and neither the other side nor the
    /// other version mentions. The cheap tests come first: most candidates stop at the version's
    /// index, and the other side's words are gathered only for those left.
    private func unmatched(_ mentions: [NameMention], _ text: AnalyzedText, changed: [Int], against others: [NameMention],
                           otherText: AnalyzedText, otherTokens: Range<Int>, version: NameIndex) -> [String] {
        var otherWords: KeySet?
        var result: [String] = []
        for name in mentions where !name.parts.isEmpty && name.shown.contains(where: { Self.contains(changed, $0) }) {
            guard !version.mentions(name), !others.contains(where: { name.isMentioned(by: $0) }) else { continue }
            // A name whose every part the other side writes, in any case (`Communist`,
            // `communist`), is no new name.
            let words = otherWords ?? KeySet(otherText.tokens[otherTokens].lazy.filter { $0.kind == .word }.map(\.key))
            otherWords = words
            guard !name.parts.allSatisfy(words.contains) else { continue }
            let first = text.tokens[name.shown.lowerBound], last = text.tokens[name.shown.upperBound - 1]
            result.append(text.string(first.range.lowerBound..<last.range.upperBound))
        }
        return result
    }

    /// The runs of capitalised words of the group's sentences, each cut at the sentence's end; a
    /// title's stop (`Mr.`) continues a run.
    func nameMentions(in text: AnalyzedText, _ range: Range<Int>, _ sentences: Range<Int>) -> [NameMention] {
        var mentions: [NameMention] = []
        for sentence in text.sentences[sentences] {
            let tokens = sentence.tokens.clamped(to: range)
            var runStart: Int?
            var seenWord = false
            var index = tokens.lowerBound
            while index <= tokens.upperBound {
                let isWord = index < tokens.upperBound && isNameWord(text.tokens[index])
                if let first = runStart, !isWord {
                    if index + 1 < tokens.upperBound, isTitleStop(text, index), isNameWord(text.tokens[index + 1]) {
                        index += 1
                        continue
                    }
                    let positional = first == tokens.lowerBound || !seenWord || Self.opensQuotation(text, text.tokens[first - 1])
                    if let mention = mention(text, first..<index, positional: positional) { mentions.append(mention) }
                    runStart = nil
                    seenWord = true
                }
                if isWord, runStart == nil { runStart = index }
                if index < tokens.upperBound, runStart == nil, text.tokens[index].isWordLike { seenWord = true }
                index += 1
            }
        }
        return mentions
    }

    /// The mention of a run; `positional` when its first word is capitalised by opening a sentence
    /// or quotation.
    private func mention(_ text: AnalyzedText, _ run: Range<Int>, positional: Bool) -> NameMention? {
        var shown = run
        if positional { shown = (run.lowerBound + 1)..<run.upperBound }
        while let first = shown.first, text.tokens[first].kind == .punctuation { shown = (first + 1)..<shown.upperBound }
        var parts: [UInt64] = [], allParts: [UInt64] = []
        for index in run where text.tokens[index].kind == .word && !SentenceSplitter.titleAbbreviations.contains(text.tokens[index].key) {
            let count = allParts.count
            Self.appendFoldedParts(of: text.tokens[index], in: text.bytes, to: &allParts)
            if shown.contains(index) { parts.append(contentsOf: allParts[count...]) }
        }
        guard !allParts.isEmpty else { return nil }
        return NameMention(shown: shown, parts: parts, allParts: allParts)
    }

    /// Splits a word at hyphens, drops a possessive ending and dots, folds ASCII case, and appends
    /// the key of each part: the keys ``TokenNormalizer`` gives the parts as words of their own.
    ///
    /// Works on the bytes, as the tokenizer does: classifying runs on every capitalised word of
    /// every changed group, and going through `String` for each doubled its cost.
    static func appendFoldedParts(of token: Token, in bytes: [UInt8], to parts: inout [UInt64]) {
        // A word of ASCII letters alone is its own part, and its key is already computed.
        if bytes[token.range].allSatisfy({ ($0 | 0x20) &- 0x61 < 26 }) {
            parts.append(token.key)
        } else {
            appendFoldedParts(of: bytes[token.range], to: &parts)
        }
    }

    static func appendFoldedParts(of bytes: ArraySlice<UInt8>, to parts: inout [UInt64]) {
        var state = StableHash.offsetBasis, length = 0
        func flush() {
            if length > 0 { parts.append(StableHash.finalize(state)) }
            (state, length) = (StableHash.offsetBasis, 0)
        }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let apostrophe = byte == UInt8(ascii: "'") ? 1 : isMark(bytes, index, 0x99) || isMark(bytes, index, 0x98) ? 3 : 0
            let hyphen = byte == UInt8(ascii: "-") || isMark(bytes, index, 0x90) || isMark(bytes, index, 0x91)
            if apostrophe > 0 {
                let after = index + apostrophe
                // `’s` or a bare `’` ends a possessive; inside a name (`O’Brien`) it is kept.
                if after == bytes.endIndex || (after + 1 == bytes.endIndex && bytes[after] | 0x20 == UInt8(ascii: "s")) { break }
                state = (state ^ UInt64(UInt8(ascii: "'"))) &* StableHash.prime
                length += 1
                index = after
            } else if hyphen {
                flush()
                index += byte == UInt8(ascii: "-") ? 1 : 3
            } else {
                if byte != UInt8(ascii: ".") {
                    state = (state ^ UInt64(TokenNormalizer.asciiLowercase(byte))) &* StableHash.prime
                    length += 1
                }
                index += 1
            }
        }
        flush()
    }

    /// Whether the three bytes at `index` are the punctuation mark `E2 80 last`.
    private static func isMark(_ bytes: ArraySlice<UInt8>, _ index: Int, _ last: UInt8) -> Bool {
        bytes[index] == 0xE2 && index + 2 < bytes.endIndex && bytes[index + 1] == 0x80 && bytes[index + 2] == last
    }

    /// A capitalised word of more than one letter that is not a time word: a candidate name part.
    func isNameWord(_ token: Token) -> Bool {
        token.kind == .word && token.isCapitalized && token.range.count > 1 && !Lexicon.timeWords.contains(token.key)
    }

    private func isTitleStop(_ text: AnalyzedText, _ index: Int) -> Bool {
        index > 0 && text.tokens[index].kind == .punctuation && text.bytes[text.tokens[index].range.lowerBound] == UInt8(ascii: ".")
            && text.tokens[index].range.count == 1 && SentenceSplitter.titleAbbreviations.contains(text.tokens[index - 1].key)
    }

    /// Whether the token opens a quotation or follows as a colon's: what comes next is capitalised
    /// by position. Decided on the bytes, as it runs at every run of capitals.
    static func opensQuotation(_ text: AnalyzedText, _ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        let start = token.range.lowerBound
        switch token.range.count {
        case 1: return [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ":")].contains(text.bytes[start])
        case 2: return text.bytes[start] == 0xC2 && text.bytes[start + 1] == 0xAB  // «
        case 3: return text.bytes[start] == 0xE2 && text.bytes[start + 1] == 0x80 && (text.bytes[start + 2] == 0x9C || text.bytes[start + 2] == 0x98)  // “ ‘
        default: return false
        }
    }

    /// Whether a sorted list of indices holds `index`.
    static func contains(_ sorted: [Int], _ index: Int) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == index
    }
}
