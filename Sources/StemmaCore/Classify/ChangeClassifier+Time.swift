extension ChangeClassifier {
    /// The time expressions each side lost and gained, counting repeats: those the word diff
    /// touched and the other side does not hold as well.
    func timeWordDifference() -> (removed: [String], added: [String]) {
        let oldWords = timeExpressions(old, oldTokens, changed: changedOld)
        let newWords = timeExpressions(new, newTokens, changed: changedNew)
        let (removed, added) = Self.unmatched(oldWords.map(\.key), newWords.map(\.key))
        return (removed.map { oldWords[$0].text }, added.map { newWords[$0].text })
    }

    /// The time expressions in `range` (`Wednesday`, `so far`, `in recent days`, `last week`) that a
    /// change touches, longest match first.
    ///
    /// Phrases are matched on all the tokens, not only the changed ones, so that `in recent days`
    /// becoming `in recent weeks` loses one phrase and gains another; only the tokens near a change
    /// are looked at, so the cost follows the size of the changes.
    func timeExpressions(_ text: AnalyzedText, _ range: Range<Int>, changed: [Int]) -> [(key: UInt64, text: String)] {
        var result: [(key: UInt64, text: String)] = []
        var next = range.lowerBound  // tokens before it are matched already
        for index in changed where index >= next && range.contains(index) {
            var start = max(next, index - (Lexicon.longestTimePhrase - 1))
            while start <= index {
                guard let phrase = timePhrase(text, at: start, before: range.upperBound) else {
                    start += 1
                    continue
                }
                let words = start..<(start + phrase.count)
                start = words.upperBound
                guard words.contains(index) else { continue }
                let key = phrase.dropFirst().reduce(phrase[0]) { StableHash.combine($0, $1) }
                result.append((key, text.string(text.tokens[words.lowerBound].range.lowerBound..<text.tokens[words.upperBound - 1].range.upperBound)))
            }
            next = max(next, start)
        }
        return result
    }

    /// The longest time phrase starting at token `index`, as keys.
    private func timePhrase(_ text: AnalyzedText, at index: Int, before end: Int) -> [UInt64]? {
        let token = text.tokens[index]
        // The key set turns away most words before the dictionary hashes them.
        guard token.kind == .word, Lexicon.timePhraseStarts.contains(token.key), let phrases = Lexicon.timePhrases[token.key] else {
            return nil
        }
        return phrases.first { matches($0, text, at: index, before: end) }
    }

    private func matches(_ phrase: [UInt64], _ text: AnalyzedText, at index: Int, before end: Int) -> Bool {
        guard index + phrase.count <= end else { return false }
        return phrase.indices.allSatisfy { text.tokens[index + $0].key == phrase[$0] }
    }
}
