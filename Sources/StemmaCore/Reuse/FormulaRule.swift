import Foundation

/// Tells formula wording from reuse: the fixed phrases of death notices, legal notices and price
/// lists that many different texts share (`The funeral will take place from …`).
///
/// Two notices on one template share the template's n-grams, every one of them found in many
/// documents, and little else; a reprint of one notice also shares its own words (a name, an
/// address, a figure), whose n-grams are as rare as the reprint's copies. So passages are scored by
/// the rarity of what they share, the mean inverse document frequency of their anchors (after
/// TextPAIR's "banality" test, which flags passages made mostly of the corpus's commonest n-grams):
/// a passage whose anchors' geometric mean frequency reaches `commonFrequency` documents is a
/// formula. The mean, not a count, lets one n-gram that a template shares with a common word
/// beside it (a few of its uses followed by `This`) not turn a formula into reuse, nor one common
/// phrase inside a reprinted notice turn it into a formula. A passage of `longestFormula` words or
/// more is a widely reprinted text, not a formula: templates are short, and their slots break
/// longer matches.
struct FormulaRule: Sendable {
    /// Anchors found in this many documents, on average, are common.
    let commonFrequency: Int
    let ngram: Int
    static let longestFormula = 100

    /// Whether an alignment shares only common n-grams, given the anchors of its pair and the
    /// document frequency of each; without an anchor inside it, it cannot be judged and is not.
    func isFormula(_ alignment: WordAlignment, anchors: [(Int, Int)], frequencies: [Int]) -> Bool {
        guard min(alignment.wordsA.count, alignment.wordsB.count) < Self.longestFormula else { return false }
        var logSum = 0.0, count = 0
        for (index, (a, b)) in anchors.enumerated() where alignment.wordsA.contains(a) && alignment.wordsB.contains(b) {
            logSum += log(Double(max(1, frequencies[index])))
            count += 1
        }
        return count > 0 && Self.reaches(logSum, count: count, commonFrequency)
    }
}

extension FormulaRule {
    /// The alignment without formula wording at its ends: a reprinted notice set beside a death
    /// notice in both issues aligns on through the template's phrases, and a notice whose
    /// neighbour was dropped reaches the next one across the gap. The steps are cut into blocks at
    /// every run of two or more unmatched words (a template's slots, a dropped notice). From either
    /// end, up to the first block of rare anchors, the blocks out to the innermost common one
    /// (anchors common as ``isFormula(_:anchors:frequencies:)`` judges a passage) are dropped, with
    /// the blocks beyond it that hold no anchor; a block without anchors inside stays, as noise
    /// breaks n-grams. Nil when no block is rare and some is common: the whole alignment is
    /// formula wording, and ``isFormula(_:anchors:frequencies:)`` judges it whole.
    func trimmed(_ alignment: WordAlignment, anchors: [(Int, Int)], frequencies: [Int], scoring: ReuseScoring,
                 _ a: ReuseText, _ b: ReuseText) -> WordAlignment? {
        var blocks: [Range<Int>] = []
        var start = 0, unmatched = 0
        for (index, step) in alignment.steps.enumerated() {
            switch step {
            case .match, .variant:
                if unmatched >= 2 {
                    blocks.append(start..<(index - unmatched))
                    start = index
                }
                unmatched = 0
            default: unmatched += 1
            }
        }
        blocks.append(start..<alignment.steps.count)
        guard blocks.count > 1 else { return alignment }
        // Per block: true rare, false common, nil without an anchor to judge it by.
        let rarity: [Bool?] = blocks.map { block in self.rarity(alignment.steps[block], anchors: anchors, frequencies: frequencies) }
        guard let firstRare = rarity.firstIndex(of: true), let lastRare = rarity.lastIndex(of: true) else {
            return rarity.contains(false) ? nil : alignment
        }
        // From each end, the blocks out to the innermost common one before a rare block go.
        let ends = (rarity[..<firstRare].lastIndex(of: false)).map { $0 + 1 } ?? 0
        let tail = rarity[(lastRare + 1)...].firstIndex(of: false) ?? rarity.count
        guard ends > 0 || tail < rarity.count else { return alignment }
        var kept = alignment.steps[blocks[ends].lowerBound..<blocks[tail - 1].upperBound]
        // A cut side runs from the first rare anchor, or to the end of the last, of what is left.
        let wordsA = kept.compactMap(Self.wordA)
        let rareWords = anchors.indices.filter { frequencies[$0] < commonFrequency && wordsA.contains(anchors[$0].0) }.map { anchors[$0].0 }
        if ends > 0, let low = rareWords.min() {
            while let step = kept.first, (Self.wordA(step).map { $0 < low } ?? true) { kept.removeFirst() }
        }
        if tail < rarity.count, let high = rareWords.max().map({ $0 + ngram }) {
            while let step = kept.last, (Self.wordA(step).map { $0 >= high } ?? true) { kept.removeLast() }
        }
        guard !kept.isEmpty else { return nil }
        return WordAlignment(steps: Array(kept), scoring: scoring, a, b)
    }

    /// The word of `a` a matching or variant step holds.
    private static func wordA(_ step: WordAlignment.Step) -> Int? {
        switch step {
        case let .match(x, _), let .variant(x, _): x
        default: nil
        }
    }

    /// Whether the anchors starting at the block's matched words of `a` are rare on average; nil
    /// when none starts there (noise broke them, or the block is shorter than an n-gram).
    private func rarity(_ steps: ArraySlice<WordAlignment.Step>, anchors: [(Int, Int)], frequencies: [Int]) -> Bool? {
        var words = Set<Int>()
        for step in steps {
            if case let .match(x, _) = step { words.insert(x) }
            if case let .variant(x, _) = step { words.insert(x) }
        }
        var logSum = 0.0, count = 0
        for (index, anchor) in anchors.enumerated() where words.contains(anchor.0) {
            logSum += log(Double(max(1, frequencies[index])))
            count += 1
        }
        return count > 0 ? !Self.reaches(logSum, count: count, commonFrequency) : nil
    }
}

extension FormulaRule {
    /// Whether `count` frequencies whose logarithms sum to `logSum` have a geometric mean of at
    /// least `frequency`, with room for the rounding of the sum (eleven anchors in three
    /// documents each are three on average, not a hair under).
    static func reaches(_ logSum: Double, count: Int, _ frequency: Int) -> Bool {
        logSum >= Double(count) * log(Double(frequency)) - 1e-9 * Double(count)
    }
}

extension WordAlignment {
    /// An alignment of the given steps, which start and end with matching words, scored as the
    /// banded aligner scores them.
    init(steps: [Step], scoring: ReuseScoring, _ a: ReuseText, _ b: ReuseText) {
        var score: Int32 = 0
        var previousGap: Int?  // 0: onlyInA, 1: onlyInB
        var firstA = Int.max, firstB = Int.max, endA = 0, endB = 0
        for step in steps {
            var gap: Int?
            switch step {
            case let .match(x, y), let .variant(x, y), let .substitution(x, y):
                (firstA, firstB, endA, endB) = (min(firstA, x), min(firstB, y), max(endA, x + 1), max(endB, y + 1))
                if case .match = step { score += scoring.match }
                if case .variant = step { score += scoring.variant }
                if case .substitution = step {
                    score += WordSimilarity.areGarbled(a.shapes[x], b.shapes[y]) ? scoring.garbled : scoring.mismatch
                }
            case .onlyInA:
                gap = 0
                score -= previousGap == 0 ? scoring.gapExtend : scoring.gapOpen
            case .onlyInB:
                gap = 1
                score -= previousGap == 1 ? scoring.gapExtend : scoring.gapOpen
            }
            previousGap = gap
        }
        self.init(wordsA: firstA..<endA, wordsB: firstB..<endB, score: Int(score), steps: steps)
    }
}
