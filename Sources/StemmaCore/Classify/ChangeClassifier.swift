/// Tags the changes inside a matched group of sentences.
///
/// Numbers, names, time words and quoted words are compared as multisets over the whole group, not
/// edit by edit, so that a word that merely moved within a split sentence is not reported as removed
/// and added. The "-only" tags look at the word edits themselves.
struct ChangeClassifier {
    let old: AnalyzedText
    let new: AnalyzedText
    let oldTokens: Range<Int>
    let newTokens: Range<Int>
    let oldSentences: Range<Int>
    let newSentences: Range<Int>
    let edits: [WordEdit]

    func classify() -> (tags: [ChangeTag], details: ChangeDetails) {
        var tags = Set<ChangeTag>()
        var details = ChangeDetails()
        (details.numbersRemoved, details.numbersAdded) = difference(of: { $0.kind == .number })
        if !details.numbersRemoved.isEmpty || !details.numbersAdded.isEmpty { tags.insert(.numberChanged) }
        (details.timeWordsRemoved, details.timeWordsAdded) = timeWordDifference()
        if !details.timeWordsRemoved.isEmpty { tags.insert(.timeWordsRemoved) }
        if !details.timeWordsAdded.isEmpty { tags.insert(.timeWordsAdded) }
        details.namesRemoved = names(in: old, oldSentences, absentFrom: new, newTokens)
        details.namesAdded = names(in: new, newSentences, absentFrom: old, oldTokens)
        if !details.namesRemoved.isEmpty { tags.insert(.namesRemoved) }
        if !details.namesAdded.isEmpty { tags.insert(.namesAdded) }
        if quotedWords(old, oldTokens) != quotedWords(new, newTokens) { tags.insert(.quotationChanged) }
        if let onlyTag = onlyTag() { tags.insert(onlyTag) }
        return (ChangeTag.allCases.filter(tags.contains), details)
    }

    /// The multiset difference of the tokens that pass `filter`, as original strings.
    func difference(of filter: (Token) -> Bool) -> (removed: [String], added: [String]) {
        var counts: [UInt64: Int] = [:]
        for token in new.tokens[newTokens] where filter(token) { counts[token.key, default: 0] += 1 }
        var removed: [String] = []
        for token in old.tokens[oldTokens] where filter(token) {
            if let count = counts[token.key], count > 0 {
                counts[token.key] = count - 1
            } else {
                removed.append(old.string(of: token))
            }
        }
        var added: [String] = []
        for token in new.tokens[newTokens] where filter(token) {
            if let count = counts[token.key], count > 0 {
                counts[token.key] = count - 1
                added.append(new.string(of: token))
            }
        }
        return (removed, added)
    }

    func timeWordDifference() -> (removed: [String], added: [String]) {
        let old = timeWords(self.old, oldTokens), new = timeWords(self.new, newTokens)
        var remaining = new
        var removed: [String] = []
        for (key, text) in old {
            if let index = remaining.firstIndex(where: { $0.key == key }) {
                remaining.remove(at: index)
            } else {
                removed.append(text)
            }
        }
        var others = old
        var added: [String] = []
        for (key, text) in new {
            if let index = others.firstIndex(where: { $0.key == key }) {
                others.remove(at: index)
            } else {
                added.append(text)
            }
        }
        return (removed, added)
    }

    /// The time words of a token range, with `so far` as one phrase.
    func timeWords(_ text: AnalyzedText, _ range: Range<Int>) -> [(key: UInt64, text: String)] {
        var result: [(key: UInt64, text: String)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let token = text.tokens[index]
            if Lexicon.timeWords.contains(token.key) {
                result.append((token.key, text.string(of: token)))
            } else if token.key == Lexicon.soFar.0, index + 1 < range.upperBound,
                text.tokens[index + 1].key == Lexicon.soFar.1
            {
                let phrase = token.range.lowerBound..<text.tokens[index + 1].range.upperBound
                result.append((StableHash.combine(token.key, Lexicon.soFar.1), text.string(phrase)))
                index += 1
            }
            index += 1
        }
        return result
    }
}
