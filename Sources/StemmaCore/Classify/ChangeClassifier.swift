/// Tags the changes inside a matched group of sentences.
///
/// Numbers are compared as multisets of the *changed* tokens of each side: equal runs hold the
/// same tokens on both sides and cancel out, and a word that merely moved within a split sentence
/// shows up on both sides and cancels too. Time expressions are found over the whole group and
/// count when a change touches them. Names are compared over the whole group, in every form (see
/// ``NameMention``), and quoted words too, because removing a quotation mark changes what is
/// quoted without changing the words. The "-only" tags and `tense-changed` look at the word edits
/// themselves.
struct ChangeClassifier {
    let old: AnalyzedText
    let new: AnalyzedText
    let oldTokens: Range<Int>
    let newTokens: Range<Int>
    let oldSentences: Range<Int>
    let newSentences: Range<Int>
    let edits: [WordEdit]
    /// The token indices in changes (not in equal runs), per side.
    let changedOld: [Int]
    let changedNew: [Int]
    /// The names each whole version mentions.
    let names: (old: NameIndex, new: NameIndex)

    init(old: AnalyzedText, new: AnalyzedText, oldSentences: Range<Int>, newSentences: Range<Int>, edits: [WordEdit],
         names: (old: NameIndex, new: NameIndex))
    {
        self.old = old
        self.names = names
        self.new = new
        self.oldSentences = oldSentences
        self.newSentences = newSentences
        self.edits = edits
        oldTokens = (edits.first?.old.lowerBound ?? 0)..<(edits.last?.old.upperBound ?? 0)
        newTokens = (edits.first?.new.lowerBound ?? 0)..<(edits.last?.new.upperBound ?? 0)
        let changes = edits.filter { $0.kind != .equal }
        changedOld = changes.flatMap { Array($0.old) }
        changedNew = changes.flatMap { Array($0.new) }
    }

    func classify() -> (tags: [ChangeTag], details: ChangeDetails) {
        var tags = Set<ChangeTag>()
        var details = ChangeDetails()
        (details.numbersRemoved, details.numbersAdded) = difference(of: { $0.kind == .number || Lexicon.numberWords.contains($0.key) })
        if !details.numbersRemoved.isEmpty || !details.numbersAdded.isEmpty { tags.insert(.numberChanged) }
        (details.timeWordsRemoved, details.timeWordsAdded) = timeWordDifference()
        if !details.timeWordsRemoved.isEmpty { tags.insert(.timeWordsRemoved) }
        if !details.timeWordsAdded.isEmpty { tags.insert(.timeWordsAdded) }
        (details.namesRemoved, details.namesAdded) = nameDifference()
        if !details.namesRemoved.isEmpty { tags.insert(.namesRemoved) }
        if !details.namesAdded.isEmpty { tags.insert(.namesAdded) }
        if quotationChanged() { tags.insert(.quotationChanged) }
        let onlyTag = onlyTag()
        if let onlyTag { tags.insert(onlyTag) }
        if onlyTag == nil, changesTense() { tags.insert(.tenseChanged) }
        return (ChangeTag.allCases.filter(tags.contains), details)
    }

    /// The multiset difference of the changed tokens that pass `filter`, as original strings.
    func difference(of filter: (Token) -> Bool) -> (removed: [String], added: [String]) {
        let oldIndices = changedOld.filter { filter(old.tokens[$0]) }
        let newIndices = changedNew.filter { filter(new.tokens[$0]) }
        let (removed, added) = Self.unmatched(oldIndices.map { old.tokens[$0].key }, newIndices.map { new.tokens[$0].key })
        return (removed.map { old.string(of: old.tokens[oldIndices[$0]]) }, added.map { new.string(of: new.tokens[newIndices[$0]]) })
    }

    /// The indices of the keys of each side that the other side lacks, counting repeats, in order.
    static func unmatched(_ old: [UInt64], _ new: [UInt64]) -> (old: [Int], new: [Int]) {
        guard !old.isEmpty, !new.isEmpty else { return (Array(old.indices), Array(new.indices)) }
        let oldOrder = old.indices.sorted { (old[$0], $0) < (old[$1], $1) }
        let newOrder = new.indices.sorted { (new[$0], $0) < (new[$1], $1) }
        var oldMatched = [Bool](repeating: false, count: old.count)
        var newMatched = [Bool](repeating: false, count: new.count)
        var i = 0, j = 0
        while i < oldOrder.count, j < newOrder.count {
            let a = old[oldOrder[i]], b = new[newOrder[j]]
            if a == b {
                oldMatched[oldOrder[i]] = true
                newMatched[newOrder[j]] = true
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return (old.indices.filter { !oldMatched[$0] }, new.indices.filter { !newMatched[$0] })
    }
}
