public import StemmaCore

/// Scores reported passages against the passages planted in a corpus.
///
/// A planted pair counts as found when one reported passage between the same two documents covers
/// at least half of it on both sides. For found pairs, each of the four boundaries (start and end in
/// both documents) is off by the number of words between the reported and the planted offset.
/// A reported passage between two documents that share nothing planted is a false pair.
public struct ReuseEvaluation: Sendable {
    public var planted: Int
    public var found: Int
    /// Words between reported and planted boundaries, four per found pair.
    public var boundaryErrors: [Int]
    /// Reported passages between documents with nothing planted in common.
    public var falsePassages: Int
    /// Reported passages between documents that share a planted passage, but matching none of them.
    public var strayPassages: Int

    public var recall: Double { planted == 0 ? 1 : Double(found) / Double(planted) }

    public var medianBoundaryError: Double {
        let sorted = boundaryErrors.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    public init(corpus: PlantedReuseCorpus, passages: [ReusePassage]) {
        let truth = corpus.sharedPassages
        let texts = corpus.documents.map { ReuseText(bytes: Array($0.text.utf8)) }
        var byPair: [[Int]: [ReusePassage]] = [:]
        for passage in passages { byPair[[passage.a, passage.b], default: []].append(passage) }
        planted = truth.count
        found = 0
        boundaryErrors = []
        var matched = Set<ReusePassage>()
        for shared in truth {
            let candidates = byPair[[shared.a, shared.b]] ?? []
            guard let best = candidates.max(by: { Self.coverage($0, shared) < Self.coverage($1, shared) }),
                  Self.coverage(best, shared) >= 0.5 else { continue }
            found += 1
            matched.insert(best)
            let a = texts[shared.a], b = texts[shared.b]
            boundaryErrors += [
                Self.words(between: best.bytesA.lowerBound, shared.bytesA.lowerBound, in: a),
                Self.words(between: best.bytesA.upperBound, shared.bytesA.upperBound, in: a),
                Self.words(between: best.bytesB.lowerBound, shared.bytesB.lowerBound, in: b),
                Self.words(between: best.bytesB.upperBound, shared.bytesB.upperBound, in: b),
            ]
        }
        let plantedPairs = Set(truth.map { [$0.a, $0.b] })
        falsePassages = passages.filter { !plantedPairs.contains([$0.a, $0.b]) }.count
        strayPassages = passages.filter { plantedPairs.contains([$0.a, $0.b]) && !matched.contains($0) }.count
    }

    /// The smaller of the shares of the planted ranges the reported passage covers.
    static func coverage(_ passage: ReusePassage, _ shared: PlantedReuseCorpus.SharedPassage) -> Double {
        func share(_ reported: Range<Int>, _ planted: Range<Int>) -> Double {
            Double(max(0, min(reported.upperBound, planted.upperBound) - max(reported.lowerBound, planted.lowerBound))) / Double(max(1, planted.count))
        }
        return min(share(passage.bytesA, shared.bytesA), share(passage.bytesB, shared.bytesB))
    }

    /// Words that start between two byte offsets.
    static func words(between x: Int, _ y: Int, in text: ReuseText) -> Int {
        let (low, high) = (min(x, y), max(x, y))
        return text.words.count { $0.range.lowerBound >= low && $0.range.lowerBound < high }
    }
}
