extension AlignmentRun {
    /// The steps of the dynamic program: (old sentences, new sentences) consumed.
    static let steps: [(Int, Int)] = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (1, 3), (3, 1)]

    /// Aligns a gap with a dynamic program over its two sentence lists.
    mutating func alignByDynamicProgram(_ oldRange: Range<Int>, _ newRange: Range<Int>) {
        let windows = (old: GroupWindows(old, oldRange), new: GroupWindows(new, newRange))
        let pairs = PairOverlaps(old, oldRange, new, newRange)
        let rows = oldRange.count + 1, columns = newRange.count + 1
        var score = [Double](repeating: -.infinity, count: rows * columns)
        var step = [UInt8](repeating: 0, count: rows * columns)
        score[0] = 0
        for i in 0..<rows {
            for j in 0..<columns where i + j > 0 {
                var best = -Double.infinity, bestStep: UInt8 = 0
                for (index, (di, dj)) in Self.steps.enumerated() where di <= i && dj <= j {
                    let previous = score[(i - di) * columns + (j - dj)]
                    guard previous > -.infinity else { continue }
                    let gain: Double
                    if di == 0 || dj == 0 {
                        gain = 0
                    } else {
                        let oldGroup = (oldRange.lowerBound + i - di)..<(oldRange.lowerBound + i)
                        let newGroup = (newRange.lowerBound + j - dj)..<(newRange.lowerBound + j)
                        guard let matchScore = matchScore(oldGroup, newGroup, windows, pairs) else { continue }
                        gain = matchScore
                    }
                    if previous + gain > best {
                        best = previous + gain
                        bestStep = UInt8(index)
                    }
                }
                score[i * columns + j] = best
                step[i * columns + j] = bestStep
            }
        }
        var path: [SentenceGroup] = []
        var i = rows - 1, j = columns - 1
        while i + j > 0 {
            let (di, dj) = Self.steps[Int(step[i * columns + j])]
            let oldGroup = (oldRange.lowerBound + i - di)..<(oldRange.lowerBound + i)
            let newGroup = (newRange.lowerBound + j - dj)..<(newRange.lowerBound + j)
            path.append(SentenceGroup(old: oldGroup, new: newGroup))
            i -= di
            j -= dj
        }
        groups.append(contentsOf: path.reversed())
    }

    /// The score of matching an old group of sentences with a new group, or nil when they must not
    /// be matched.
    func matchScore(
        _ oldGroup: Range<Int>, _ newGroup: Range<Int>, _ windows: (old: GroupWindows, new: GroupWindows),
        _ pairs: PairOverlaps
    ) -> Double? {
        let isSingle = oldGroup.count == 1 && newGroup.count == 1
        if !isSingle {
            for index in oldGroup where old[index].kind != .text { return nil }
            for index in newGroup where new[index].kind != .text { return nil }
        } else {
            let (a, b) = (old[oldGroup.lowerBound], new[newGroup.lowerBound])
            if (a.kind == .metadata) != (b.kind == .metadata) { return nil }
            if a.identity == b.identity { return max(1, 2 * a.weight) }
            if a.weight == 0 || b.weight == 0 { return nil }
        }
        let oldWeight = old[oldGroup].reduce(0) { $0 + $1.weight }
        let newWeight = new[newGroup].reduce(0) { $0 + $1.weight }
        guard oldWeight + newWeight > 0 else { return nil }
        // The overlap of groups is at most the sum of their sentences' pairwise overlaps: most steps
        // of the dynamic program are ruled out by that bound without merging any words.
        let bound = pairs.sum(oldGroup, newGroup)
        guard 2 * bound / (oldWeight + newWeight) >= aligner.minimumSimilarity else { return nil }
        let oldWords = windows.old.words(oldGroup), newWords = windows.new.words(newGroup)
        let overlap = isSingle ? bound : SentenceProfile.overlap(oldWords, newWords)
        guard 2 * overlap / (oldWeight + newWeight) >= aligner.minimumSimilarity else { return nil }
        if oldGroup.count > 1 && !partsAreContained(old[oldGroup], in: newWords) { return nil }
        if newGroup.count > 1 && !partsAreContained(new[newGroup], in: oldWords) { return nil }
        return 2 * overlap - aligner.unmatchedPenalty * (oldWeight + newWeight - 2 * overlap)
    }

    /// Whether each sentence of a split or merge is mostly found in the other side.
    func partsAreContained(_ parts: ArraySlice<SentenceProfile>, in words: [UInt64]) -> Bool {
        parts.allSatisfy { part in
            part.weight > 0 && SentenceProfile.overlap(part.words, words) >= aligner.minimumPartContainment * part.weight
        }
    }
}

/// The merged words of every run of two and three consecutive sentences of a gap, computed once so
/// that the dynamic program's split and merge steps do not merge them again for every cell.
struct GroupWindows {
    let profiles: [SentenceProfile]
    let start: Int
    /// `pairs[k]` merges sentences `start + k` and `start + k + 1`; `triples[k]` adds `start + k + 2`.
    let pairs: [[UInt64]]
    let triples: [[UInt64]]

    init(_ profiles: [SentenceProfile], _ range: Range<Int>) {
        self.profiles = profiles
        start = range.lowerBound
        var pairs: [[UInt64]] = []
        var triples: [[UInt64]] = []
        if range.count >= 2 {
            for index in range.dropLast() {
                pairs.append(SentenceProfile.merged(profiles[index].words, profiles[index + 1].words))
            }
            for index in range.dropLast(2) {
                triples.append(SentenceProfile.merged(pairs[index - range.lowerBound], profiles[index + 2].words))
            }
        }
        self.pairs = pairs
        self.triples = triples
    }

    func words(_ group: Range<Int>) -> [UInt64] {
        switch group.count {
        case 1: return profiles[group.lowerBound].words
        case 2: return pairs[group.lowerBound - start]
        case 3: return triples[group.lowerBound - start]
        default: return SentenceProfile.merged(profiles[group])
        }
    }
}

/// The weighted word overlap of every old sentence of a gap with every new one.
struct PairOverlaps {
    let oldStart: Int
    let newStart: Int
    let columns: Int
    let values: [Double]

    init(_ old: [SentenceProfile], _ oldRange: Range<Int>, _ new: [SentenceProfile], _ newRange: Range<Int>) {
        oldStart = oldRange.lowerBound
        newStart = newRange.lowerBound
        columns = newRange.count
        var values = [Double](repeating: 0, count: oldRange.count * newRange.count)
        for i in oldRange {
            for j in newRange {
                values[(i - oldStart) * columns + (j - newStart)] = SentenceProfile.overlap(old[i].words, new[j].words)
            }
        }
        self.values = values
    }

    func sum(_ oldGroup: Range<Int>, _ newGroup: Range<Int>) -> Double {
        var total = 0.0
        for i in oldGroup {
            for j in newGroup { total += values[(i - oldStart) * columns + (j - newStart)] }
        }
        return total
    }
}
