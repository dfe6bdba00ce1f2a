extension CorpusGenerator {
    /// The story after `count` random editorial edits.
    mutating func edited(_ story: Story, edits count: Int) -> Story {
        var story = story
        for _ in 0..<count { edit(&story) }
        return story
    }

    mutating func edit(_ story: inout Story) {
        guard !story.paragraphs.isEmpty else { return }
        let p = Int.random(in: 0..<story.paragraphs.count, using: &rng)
        let s = Int.random(in: 0..<story.paragraphs[p].count, using: &rng)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0:  // split a sentence at a clause
            let words = story.paragraphs[p][s]
            if let comma = words.firstIndex(where: { $0.hasPrefix(",") }), comma > 0, comma + 1 < words.count {
                var second = Array(words[(comma + 1)...])
                second[0] = second[0].prefix(1).uppercased() + second[0].dropFirst()
                story.paragraphs[p].replaceSubrange(s...s, with: [Array(words[..<comma]), second])
            }
        case 1:  // merge with the next sentence
            if s + 1 < story.paragraphs[p].count {
                story.paragraphs[p][s] += [", and"] + story.paragraphs[p][s + 1].map { $0.lowercased() }
                story.paragraphs[p].remove(at: s + 1)
            }
        case 2:  // change tense
            story.paragraphs[p][s] = story.paragraphs[p][s].map { Self.pastTense[$0] ?? $0 }
        case 3:  // drop time words
            story.paragraphs[p][s].removeAll { Self.timeWords.contains($0) }
        case 4:  // add a paragraph
            story.paragraphs.insert([makeSentence(), makeSentence()], at: Int.random(in: 0...story.paragraphs.count, using: &rng))
        case 5:  // move a paragraph
            let paragraph = story.paragraphs.remove(at: p)
            story.paragraphs.insert(paragraph, at: Int.random(in: 0...story.paragraphs.count, using: &rng))
        case 6:  // change a figure
            if let index = story.paragraphs[p][s].firstIndex(where: { $0.first?.isNumber == true }) {
                story.paragraphs[p][s][index] = "\(Int.random(in: 2...9_999, using: &rng))"
            }
        case 7:  // change the credits
            story.credits.append(pick(Self.firstNames) + " " + pick(Self.lastNames))
        case 8:  // delete a paragraph
            if story.paragraphs.count > 3 { story.paragraphs.remove(at: p) }
        default:  // substitute a word
            let index = Int.random(in: 0..<story.paragraphs[p][s].count, using: &rng)
            if !story.paragraphs[p][s][index].hasPrefix(",") { story.paragraphs[p][s][index] = pick(Self.nouns) }
        }
    }
}
