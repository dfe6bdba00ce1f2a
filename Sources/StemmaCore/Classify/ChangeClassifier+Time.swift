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
    /// Phrases are found over all the tokens, not only the changed ones, so that `in recent days`
    /// becoming `in recent weeks` loses one phrase and gains another.
    func timeExpressions(_ text: AnalyzedText, _ range: Range<Int>, changed: [Int]) -> [(key: UInt64, text: String)] {
        var result: [(key: UInt64, text: String)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard text.tokens[index].kind == .word, let phrases = Lexicon.timePhrases[text.tokens[index].key],
                let phrase = phrases.first(where: { matches($0, text, at: index, before: range.upperBound) })
            else {
                index += 1
                continue
            }
            let words = index..<(index + phrase.count)
            if words.contains(where: { Self.contains(changed, $0) }) {
                let key = phrase.dropFirst().reduce(phrase[0]) { StableHash.combine($0, $1) }
                result.append((key, text.string(text.tokens[words.lowerBound].range.lowerBound..<text.tokens[words.upperBound - 1].range.upperBound)))
            }
            index = words.upperBound
        }
        return result
    }

    private func matches(_ phrase: [UInt64], _ text: AnalyzedText, at index: Int, before end: Int) -> Bool {
        guard index + phrase.count <= end else { return false }
        return phrase.indices.allSatisfy { text.tokens[index + $0].key == phrase[$0] }
    }
}
