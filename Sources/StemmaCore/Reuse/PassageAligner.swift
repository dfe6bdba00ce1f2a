/// Every passage two documents share, from their shared n-grams.
///
/// The anchors are chained per diagonal (``AnchorChain``); each chain, strongest first, is aligned
/// word by word in a band around it (``BandedAligner``), which finds where the shared text really
/// starts and ends past the first and last exact n-gram, across substituted, misread and deleted
/// words. When an alignment reaches the edge of its band, the band is widened and the chain aligned
/// again, so a long passage is never cut at the margin. A chain inside a passage already found is
/// skipped, and an alignment overlapping a stronger one in both documents is dropped.
struct PassageAligner {
    let parameters: ReuseParameters

    /// The alignments of at least `minimumWords` words on both sides, scoring at least
    /// `minimumScorePerWord` per word, in order of `a`.
    func passages(_ a: ReuseText, _ b: ReuseText, anchors: [(Int, Int)]) -> [WordAlignment] {
        let chains = AnchorChain.chains(of: anchors, maximumGap: parameters.maximumGap, drift: parameters.scoring.band)
            .sorted { $0.anchors.count > $1.anchors.count }
        var found: [WordAlignment] = []
        for chain in chains where !found.contains(where: { covers($0, chain) }) {
            guard let alignment = align(chain, a, b) else { continue }
            let words = min(alignment.wordsA.count, alignment.wordsB.count)
            guard words >= parameters.minimumWords, alignment.score >= Int(parameters.scoring.minimumScorePerWord) * words else { continue }
            found.append(alignment)
        }
        var kept: [WordAlignment] = []
        for alignment in found.sorted(by: { $0.score > $1.score }) where !kept.contains(where: { Self.overlapsBoth($0, alignment) }) {
            kept.append(alignment)
        }
        return joiningNeighbours(kept, a, b)
    }

    /// Alignments that meet or overlap in both documents, in the same order, realigned as one.
    ///
    /// Where noise leaves no exact n-gram over more than `maximumGap` words, one passage gives two
    /// chains, and the first alignment may stop where its band loses the path. Realigning along the
    /// matched words of both, joined, recovers the whole passage.
    func joiningNeighbours(_ alignments: [WordAlignment], _ a: ReuseText, _ b: ReuseText) -> [WordAlignment] {
        var result = alignments.sorted { ($0.wordsA.lowerBound, $0.wordsB.lowerBound) < ($1.wordsA.lowerBound, $1.wordsB.lowerBound) }
        var index = 0
        while index + 1 < result.count {
            let x = result[index]
            guard let partner = result.indices.dropFirst(index + 1).first(where: { follows(result[$0], x) }),
                  let joined = align(AnchorChain(anchors: matchedWords(x, before: result[partner]) + matchedWords(result[partner], before: nil)), a, b),
                  joined.wordsA.lowerBound <= x.wordsA.lowerBound, joined.wordsA.upperBound >= result[partner].wordsA.upperBound
            else {
                index += 1
                continue
            }
            result[index] = joined
            result.remove(at: partner)
        }
        return result
    }

    /// Whether `y` starts within `maximumGap` words after `x` ends, or inside it, in both documents,
    /// and ends after it in both.
    private func follows(_ y: WordAlignment, _ x: WordAlignment) -> Bool {
        let gap = parameters.maximumGap
        return y.wordsA.lowerBound >= x.wordsA.lowerBound && y.wordsB.lowerBound >= x.wordsB.lowerBound
            && y.wordsA.lowerBound <= x.wordsA.upperBound + gap && y.wordsB.lowerBound <= x.wordsB.upperBound + gap
            && y.wordsA.upperBound > x.wordsA.upperBound && y.wordsB.upperBound > x.wordsB.upperBound
    }

    /// The positions of an alignment's matching words, every few words, before `next` starts.
    private func matchedWords(_ alignment: WordAlignment, before next: WordAlignment?) -> [(Int, Int)] {
        var anchors: [(Int, Int)] = []
        for step in alignment.steps {
            guard case let .match(wordA, wordB) = step else { continue }
            if let next, wordA >= next.wordsA.lowerBound || wordB >= next.wordsB.lowerBound { break }
            if let last = anchors.last, wordA - last.0 < parameters.ngram { continue }
            anchors.append((wordA, wordB))
        }
        return anchors
    }

    /// Aligns around one chain, widening the margin while the alignment runs into its edge.
    func align(_ chain: AnchorChain, _ a: ReuseText, _ b: ReuseText) -> WordAlignment? {
        let aligner = BandedAligner(scoring: parameters.scoring)
        var margin = max(parameters.maximumGap, 2 * parameters.ngram)
        while true {
            let band = AlignmentBand(
                chain: chain, ngram: parameters.ngram, margin: margin, halfWidth: parameters.scoring.band,
                rowCount: a.words.count, columnCount: b.words.count)
            guard let alignment = aligner.align(a, b, in: band) else { return nil }
            let cutAtStart = alignment.wordsA.lowerBound == band.rows.lowerBound && band.rows.lowerBound > 0
            let cutAtEnd = alignment.wordsA.upperBound == band.rows.upperBound && band.rows.upperBound < a.words.count
            // Past a few widenings the band spans more than the documents' shared stretch anyway.
            guard (cutAtStart || cutAtEnd) && margin < 64 * parameters.maximumGap else { return alignment }
            margin *= 4
        }
    }

    /// Whether every anchor of the chain lies inside the alignment in both documents.
    private func covers(_ alignment: WordAlignment, _ chain: AnchorChain) -> Bool {
        chain.anchors.allSatisfy { alignment.wordsA.contains($0.0) && alignment.wordsB.contains($0.1) }
    }

    /// Whether two alignments share more than half of the shorter one in both documents.
    static func overlapsBoth(_ x: WordAlignment, _ y: WordAlignment) -> Bool {
        func overlaps(_ p: Range<Int>, _ q: Range<Int>) -> Bool {
            let shared = max(0, min(p.upperBound, q.upperBound) - max(p.lowerBound, q.lowerBound))
            return 2 * shared > min(p.count, q.count)
        }
        return overlaps(x.wordsA, y.wordsA) && overlaps(x.wordsB, y.wordsB)
    }
}
