/// Finds the passages that documents of a collection share: quotations, copied paragraphs, the
/// same wire story inside longer articles, in any order and under small edits and OCR noise.
///
/// The search runs in two stages, after passim (Smith, Cordell & Mullen 2015): rare word n-grams
/// shared by two documents make them a candidate pair (``ReuseCandidates``); then each candidate
/// pair's shared n-grams are chained and aligned word by word (``PassageAligner``). Unlike passim,
/// chains follow each diagonal separately, so passages that appear in a different order in the
/// two documents are all found.
///
/// ```swift
/// let finder = ReuseFinder(parameters: try ReuseParameters(minimumWords: 40))
/// let result = finder.passages(in: documents.map { Array($0.utf8) })
/// for passage in result.passages { print(passage.a, passage.bytesA, passage.b, passage.bytesB) }
/// ```
///
/// - Complexity: O(*W* + *A* + Σ band cells) for *W* words in all, *A* shared n-gram positions
///   of candidate pairs, and the bands aligned around their chains.
public struct ReuseFinder: Sendable {
    public let parameters: ReuseParameters

    public init(parameters: ReuseParameters) {
        self.parameters = parameters
    }

    /// The passages shared by any two of `texts` (valid UTF-8 each).
    public func passages(in texts: [[UInt8]]) -> ReuseResult {
        let ngram = parameters.ngram
        let hashes = ParallelMap.map(texts, minimumCount: 2, threads: parameters.threads) { text in
            text.withUnsafeBufferPointer { ReuseText.ngramHashes(inUTF8: $0, count: ngram) }
        }
        let words = hashes.reduce(0) { $0 + $1.count + (($1.isEmpty) ? 0 : ngram - 1) }
        let candidates = ReuseCandidates(hashes: hashes, parameters: parameters)
        // Pairs come sorted by their first document: each task reads that document's words once
        // for all its pairs.
        let groups = Self.runs(of: candidates.pairs.map(\.a))
        let perGroup = ParallelMap.dynamicMap(count: groups.count, threads: parameters.threads) { group in
            let a = ReuseText(bytes: texts[candidates.pairs[groups[group].lowerBound].a])
            return candidates.pairs[groups[group]].flatMap { pair in
                let anchors = candidates.anchors(of: pair)
                let frequencies = anchors.map { candidates.frequencies.frequency(of: pair.a, at: $0.0) }
                return passages(a, ReuseText(bytes: texts[pair.b]), documents: (pair.a, pair.b), anchors: anchors, frequencies: frequencies)
            }
        }
        let direct = perGroup.flatMap { $0 }.filter { !$0.isFormula }
        return ReuseResult(
            passages: (direct + passagesThroughSharedCopies(direct, texts: texts, frequencies: candidates.frequencies)).sorted { ($0.a, $0.b, $0.wordsA.lowerBound) < ($1.a, $1.b, $1.wordsA.lowerBound) },
            formulas: perGroup.flatMap { $0 }.filter(\.isFormula),
            candidatePairs: candidates.pairs.count,
            anchors: candidates.pairs.reduce(0) { $0 + $1.matchCount }, words: words)
    }

    /// The passages of one candidate pair, given its shared n-gram positions (word in `a`, word
    /// in `b`, sorted), in order of `a`: the second stage alone, for engines that found the
    /// candidates themselves (`stemma align`). With the document frequency of each anchor's
    /// n-gram, passages of formula wording only are marked (``ReusePassage/isFormula``).
    public func passages(_ a: ReuseText, _ b: ReuseText, documents: (a: Int, b: Int), anchors: [(Int, Int)], frequencies: [Int]? = nil) -> [ReusePassage] {
        let rule = FormulaRule(commonFrequency: parameters.formulaFrequency, ngram: parameters.ngram)
        return PassageAligner(parameters: parameters).passages(a, b, anchors: anchors).map { found in
            var alignment = found, isFormula = false
            if let frequencies {
                // Formula wording at a passage's ends is cut off; a passage left with none of its own is a formula.
                // Left shorter than a passage, the passage was the template's wording around a coincidence.
                let trimmed = rule.trimmed(found, anchors: anchors, frequencies: frequencies, scoring: parameters.scoring, a, b)
                if let trimmed, min(trimmed.wordsA.count, trimmed.wordsB.count) >= parameters.minimumWords {
                    alignment = trimmed
                    isFormula = rule.isFormula(alignment, anchors: anchors, frequencies: frequencies)
                } else {
                    isFormula = trimmed == nil ? rule.isFormula(found, anchors: anchors, frequencies: frequencies)
                        : min(found.wordsA.count, found.wordsB.count) < FormulaRule.longestFormula
                }
            }
            return ReusePassage(a: documents.a, b: documents.b, bytesA: a.byteRange(ofWords: alignment.wordsA),
                                bytesB: b.byteRange(ofWords: alignment.wordsB), alignment: alignment, isFormula: isFormula)
        }
    }

    /// The passages between copies that were each aligned with a third copy but not with each
    /// other (``SharedCopyPairs``), none overlapping a passage found already and none of formula
    /// wording; ordered as the result.
    ///
    /// Formula wording is judged on the exact n-grams the two share, as for candidate pairs: the
    /// composed anchors say where the copies align, not how common what they share is.
    func passagesThroughSharedCopies(_ found: [ReusePassage], texts: [[UInt8]], frequencies: DocumentFrequencies) -> [ReusePassage] {
        guard parameters.sharedCopies else { return [] }
        let pairs = SharedCopyPairs(spacing: parameters.ngram).anchors(through: found)
        let rule = FormulaRule(commonFrequency: parameters.formulaFrequency, ngram: parameters.ngram)
        let aligned = ParallelMap.dynamicMap(count: pairs.count, threads: parameters.threads) { index in
            let pair = pairs[index]
            let exact = exactAnchors(texts[pair.a], texts[pair.b])
            let exactFrequencies = exact.map { frequencies.frequency(of: pair.a, at: $0.0) }
            return passages(ReuseText(bytes: texts[pair.a]), ReuseText(bytes: texts[pair.b]), documents: (pair.a, pair.b), anchors: pair.anchors)
                .filter { !rule.isFormula($0.alignment, anchors: exact, frequencies: exactFrequencies) }
        }.flatMap { $0 }
        var byPair: [[Int]: [ReusePassage]] = [:]
        for passage in found { byPair[[passage.a, passage.b], default: []].append(passage) }
        return aligned.filter { new in
            !(byPair[[new.a, new.b]] ?? []).contains { PassageAligner.overlapsBoth($0.alignment, new.alignment) }
        }
    }

    /// The n-gram positions two texts share exactly, sorted: (word in `a`, word in `b`).
    func exactAnchors(_ a: [UInt8], _ b: [UInt8]) -> [(Int, Int)] {
        let hashesA = a.withUnsafeBufferPointer { ReuseText.ngramHashes(inUTF8: $0, count: parameters.ngram) }
        let hashesB = b.withUnsafeBufferPointer { ReuseText.ngramHashes(inUTF8: $0, count: parameters.ngram) }
        var positionsB: [UInt64: [Int]] = [:]
        for (position, hash) in hashesB.enumerated() { positionsB[hash, default: []].append(position) }
        return hashesA.enumerated().flatMap { position, hash in (positionsB[hash] ?? []).map { (position, $0) } }
    }

    /// The ranges of equal consecutive values.
    static func runs(of values: [Int]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        for index in values.indices.dropFirst() where values[index] != values[index - 1] {
            runs.append(start..<index)
            start = index
        }
        if !values.isEmpty { runs.append(start..<values.count) }
        return runs
    }
}
