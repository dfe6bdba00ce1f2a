extension ChangeClassifier {
    /// Whether a verb changes tense somewhere in the group's changes: a changed old word and a
    /// changed new word that are forms of one verb (`is` → `was`, `say` → `said`, see
    /// `isTenseVariant`), or a perfect auxiliary added or dropped before a past form (`has said` →
    /// `said`).
    ///
    /// Within a change run of up to `maximumTenseRun` words a side every old word is compared with
    /// every new one; in longer runs, rewrites rather than edits, each old word is compared with the
    /// new words near its proportional position, so the cost stays linear in the run.
    func changesTense() -> Bool {
        edits.contains { edit in
            switch edit.kind {
            case .equal: return false
            case .delete: return changesPerfect(old, edit.old, within: oldTokens)
            case .insert: return changesPerfect(new, edit.new, within: newTokens)
            case .replace: return replaceChangesTense(edit)
            }
        }
    }

    static let maximumTenseRun = 8
    static let tenseWindow = 4

    private func replaceChangesTense(_ edit: WordEdit) -> Bool {
        if edit.old.count <= Self.maximumTenseRun, edit.new.count <= Self.maximumTenseRun {
            return edit.old.contains { a in edit.new.contains { b in mayBeTenses(a, b) && isTenseVariant(old.tokens[a], new.tokens[b]) } }
        }
        return (0..<edit.old.count).contains { offset in
            let center = edit.new.lowerBound + offset * edit.new.count / edit.old.count
            let window = max(edit.new.lowerBound, center - Self.tenseWindow)..<min(edit.new.upperBound, center + Self.tenseWindow + 1)
            return window.contains { mayBeTenses(edit.old.lowerBound + offset, $0) && isTenseVariant(old.tokens[edit.old.lowerBound + offset], new.tokens[$0]) }
        }
    }

    /// A test on the bytes that turns away most pairs before `isTenseVariant` builds strings: two
    /// tenses of one verb are in the irregular table or share a stem of three letters or more.
    private func mayBeTenses(_ a: Int, _ b: Int) -> Bool {
        let first = old.tokens[a], second = new.tokens[b]
        guard first.kind == .word, second.kind == .word, first.key != second.key else { return false }
        if Lexicon.tensePairs.contains(Lexicon.KeyPair(first.key, second.key)) { return true }
        guard first.range.count >= 3, second.range.count >= 3 else { return false }
        return (0..<3).allSatisfy { old.bytes[first.range.lowerBound + $0] | 0x20 == new.bytes[second.range.lowerBound + $0] | 0x20 }
    }

    /// Whether the run is one perfect auxiliary (`has`, `have`, `had`) before a past form that stays,
    /// an `-ly` adverb allowed between (`has skillfully rallied` → `skillfully rallied`).
    private func changesPerfect(_ text: AnalyzedText, _ run: Range<Int>, within group: Range<Int>) -> Bool {
        guard run.count == 1, Lexicon.perfectAuxiliaries.contains(text.tokens[run.lowerBound].key) else { return false }
        var next = run.upperBound
        while next < group.upperBound, Self.hasSuffix(text, text.tokens[next], "ly") { next += 1 }
        guard next < group.upperBound, text.tokens[next].kind == .word else { return false }
        return Lexicon.pastForms.contains(text.tokens[next].key) || Self.hasSuffix(text, text.tokens[next], "ed")
    }

    /// Whether a word ends with an ASCII suffix, in any case.
    static func hasSuffix(_ text: AnalyzedText, _ token: Token, _ suffix: StaticString) -> Bool {
        guard token.kind == .word, token.range.count > suffix.utf8CodeUnitCount else { return false }
        let start = token.range.upperBound - suffix.utf8CodeUnitCount
        return suffix.withUTF8Buffer { ending in
            ending.indices.allSatisfy { text.bytes[start + $0] | 0x20 == ending[$0] }
        }
    }
}
