extension ChangeClassifier {
    /// Whether the words inside quotation marks differ. Skipped when no change touches a quotation
    /// mark or a quoted word, since then both sides quote the same words.
    func quotationChanged() -> Bool {
        let touchesQuotes = changedOld.contains { old.quoted[$0] || isQuoteMark(old, $0) }
            || changedNew.contains { new.quoted[$0] || isQuoteMark(new, $0) }
        guard touchesQuotes else { return false }
        return quotedWords(old, oldTokens) != quotedWords(new, newTokens)
    }

    private func isQuoteMark(_ text: AnalyzedText, _ index: Int) -> Bool {
        let token = text.tokens[index]
        return token.kind == .punctuation && (token.key == Self.doubleQuoteKey)
    }

    static let doubleQuoteKey = TokenNormalizer.key(of: "\"")

    /// The sorted keys of the words that stand inside quotation marks.
    func quotedWords(_ text: AnalyzedText, _ range: Range<Int>) -> [UInt64] {
        range.filter { text.quoted[$0] && text.tokens[$0].isWordLike }.map { text.tokens[$0].key }.sorted()
    }

    /// The one "-only" tag that describes every change, if there is one.
    func onlyTag() -> ChangeTag? {
        let changes = edits.filter { $0.kind != .equal }
        guard !changes.isEmpty else {
            let oldBytes = old.bytes[old.tokens[oldTokens.lowerBound].range.lowerBound..<old.tokens[oldTokens.upperBound - 1].range.upperBound]
            let newBytes = new.bytes[new.tokens[newTokens.lowerBound].range.lowerBound..<new.tokens[newTokens.upperBound - 1].range.upperBound]
            return oldBytes.elementsEqual(newBytes) ? nil : .whitespaceOnly
        }
        let involved = changes.flatMap { old.tokens[$0.old] } + changes.flatMap { new.tokens[$0.new] }
        if involved.allSatisfy({ $0.kind == .punctuation }) { return .punctuationOnly }
        let pairs = changes.flatMap { change -> [(Token, Token)] in
            guard change.old.count == change.new.count else { return [] }
            return zip(old.tokens[change.old], new.tokens[change.new]).map { ($0, $1) }
        }
        guard pairs.count * 2 == involved.count else { return nil }
        if pairs.allSatisfy({ old.string(of: $0.0).lowercased() == new.string(of: $0.1).lowercased() }) {
            return .caseOnly
        }
        // Same key, different bytes, not case: curly against straight quotes, dash variants.
        if pairs.allSatisfy({ $0.0.key == $0.1.key }) { return .punctuationOnly }
        if pairs.allSatisfy({ $0.0.key == $0.1.key || isTenseVariant($0.0, $0.1) }) { return .tenseOnly }
        return nil
    }

    /// Whether two words are forms of one verb in different tenses: from a table of irregular forms,
    /// or one regular stem with different endings (`signals`, `signaled`).
    func isTenseVariant(_ a: Token, _ b: Token) -> Bool {
        guard a.kind == .word, b.kind == .word, a.key != b.key else { return false }
        if Lexicon.tensePairs.contains(Lexicon.KeyPair(a.key, b.key)) { return true }
        let first = old.normalizedString(of: a), second = new.normalizedString(of: b)
        return Self.stem(first) == Self.stem(second) && (first.hasSuffix("ed") || second.hasSuffix("ed") || first.hasSuffix("d") || second.hasSuffix("d"))
    }

    static func stem(_ word: String) -> Substring {
        for suffix in ["ing", "ed", "es", "s", "d", "e"] where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            return word.dropLast(suffix.count)
        }
        return word[...]
    }
}
