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
        let oldNames = nameMentions(in: old, oldTokens, oldSentences)
        let newNames = nameMentions(in: new, newTokens, newSentences)
        let oldWords = KeySet(old.tokens[oldTokens].lazy.filter { $0.kind == .word }.map(\.key))
        let newWords = KeySet(new.tokens[newTokens].lazy.filter { $0.kind == .word }.map(\.key))
        // A name whose every part the other side writes, in any case (`Communist`, `communist`),
        // is no new name; nor is one the other side mentions in another form.
        func unmatched(_ mentions: [NameMention], _ text: AnalyzedText, changed: [Int], against others: [NameMention], words: KeySet,
                       version: NameIndex) -> [String] {
            mentions.filter { name in
                !name.parts.isEmpty && name.shown.contains { Self.contains(changed, $0) }
                    && !name.parts.allSatisfy(words.contains) && !others.contains { name.isMentioned(by: $0) }
                    && !version.mentions(name)
            }.map { text.string(text.tokens[$0.shown.lowerBound].range.lowerBound..<text.tokens[$0.shown.upperBound - 1].range.upperBound) }
        }
        return (unmatched(oldNames, old, changed: changedOld, against: newNames, words: newWords, version: names.new),
                unmatched(newNames, new, changed: changedNew, against: oldNames, words: oldWords, version: names.old))
    }

    /// The runs of capitalised words in `range`, each cut at sentence starts; a title's stop
    /// (`Mr.`) continues a run.
    func nameMentions(in text: AnalyzedText, _ range: Range<Int>, _ sentences: Range<Int>) -> [NameMention] {
        let positional = positionalCapitals(in: text, sentences)
        var mentions: [NameMention] = []
        var runStart: Int?
        var index = range.lowerBound
        while index <= range.upperBound {
            let isWord = index < range.upperBound && isNameWord(text.tokens[index])
            let startsSentence = index < range.upperBound && Self.contains(positional.sentenceStarts, index)
            if let first = runStart, !isWord || startsSentence {
                let continuesTitle = index < range.upperBound && index + 1 < range.upperBound && isTitleStop(text, index)
                    && isNameWord(text.tokens[index + 1])
                if continuesTitle {
                    index += 1
                    continue
                }
                if let mention = mention(text, first..<index, positional: positional.all) { mentions.append(mention) }
                runStart = nil
            }
            if isWord, runStart == nil { runStart = index }
            index += 1
        }
        return mentions
    }

    private func mention(_ text: AnalyzedText, _ run: Range<Int>, positional: [Int]) -> NameMention? {
        var shown = run
        if Self.contains(positional, run.lowerBound) { shown = (run.lowerBound + 1)..<run.upperBound }
        while let first = shown.first, text.tokens[first].kind == .punctuation { shown = (first + 1)..<shown.upperBound }
        var parts: [UInt64] = [], allParts: [UInt64] = []
        for index in run where text.tokens[index].kind == .word && !SentenceSplitter.titleAbbreviations.contains(text.tokens[index].key) {
            let count = allParts.count
            Self.appendFoldedParts(of: text.bytes[text.tokens[index].range], to: &allParts)
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

    /// The first words of the sentences, and every word capitalised by its position rather than as
    /// a name: after an opening quotation mark or a colon. Both sorted.
    func positionalCapitals(in text: AnalyzedText, _ sentences: Range<Int>) -> (sentenceStarts: [Int], all: [Int]) {
        var starts: [Int] = [], all: [Int] = []
        for sentence in text.sentences[sentences] {
            var isFirst = true, afterMark = false
            for index in sentence.tokens {
                let token = text.tokens[index]
                guard token.isWordLike else {
                    afterMark = Self.opensQuotation(text, token)
                    continue
                }
                if isFirst { starts.append(index) }
                if isFirst || afterMark { all.append(index) }
                isFirst = false
                afterMark = false
            }
        }
        return (starts, all)
    }

    static func opensQuotation(_ text: AnalyzedText, _ token: Token) -> Bool {
        let bytes = text.bytes[token.range]
        return bytes.elementsEqual("“".utf8) || bytes.elementsEqual("‘".utf8) || bytes.elementsEqual("\"".utf8)
            || bytes.elementsEqual("«".utf8) || bytes.elementsEqual(":".utf8) || bytes.elementsEqual("'".utf8)
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
