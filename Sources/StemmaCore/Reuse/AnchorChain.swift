/// Shared n-grams of a document pair that line up: consecutive anchors close together in both
/// documents, each later than the one before in both.
///
/// Chains grow per diagonal rather than in one global order, so two passages that appear in
/// swapped order in the two documents lie on different diagonals and become two chains, where a
/// single in-order chain (passim's) would keep only one of them.
struct AnchorChain: Sendable {
    /// Anchors as (word in a, word in b), increasing in both.
    var anchors: [(Int, Int)]

    /// Groups anchors, sorted by position in `a` and then `b`, into chains.
    ///
    /// An anchor joins the open chain whose last anchor precedes it by at most `maximumGap` words in
    /// both documents and whose diagonal (`b − a`) is nearest its own; otherwise it starts a chain.
    /// A chain closes once the scan is more than `maximumGap` words past its last anchor.
    ///
    /// A repeated n-gram gives stray anchors off the passage's diagonal. Where one was taken into a
    /// chain (because the true anchor beside it was lost to noise), it would block the chain's next
    /// true anchors, which lie before it in `b`: so an anchor may also replace a chain's last anchor
    /// when that one jumped off the diagonal by more than `drift` words and the new one fits the
    /// anchor before. Stray anchors left at either end of a chain are trimmed the same way.
    ///
    /// - Complexity: O(*A* · *C*) for *A* anchors and at most *C* chains open at once.
    static func chains(of anchors: [(Int, Int)], maximumGap: Int, drift: Int) -> [AnchorChain] {
        var chains: [AnchorChain] = []
        var open: [Int] = []  // indices into `chains`
        for (a, b) in anchors {
            open.removeAll { chains[$0].anchors[chains[$0].anchors.count - 1].0 < a - maximumGap }
            var best: (index: Int, drift: Int, replacesLast: Bool)?
            for index in open {
                guard let fit = chains[index].fit(a, b, maximumGap: maximumGap, drift: drift) else { continue }
                if best == nil || fit.drift <= (best?.drift ?? 0) { best = (index, fit.drift, fit.replacesLast) }
            }
            if let best {
                if best.replacesLast { chains[best.index].anchors.removeLast() }
                chains[best.index].anchors.append((a, b))
            } else {
                open.append(chains.count)
                chains.append(AnchorChain(anchors: [(a, b)]))
            }
        }
        return chains.map { $0.trimmed(drift: drift) }
    }

    /// How well an anchor continues the chain: the change of diagonal, and whether it continues
    /// from the anchor before a last one that jumped off the diagonal.
    private func fit(_ a: Int, _ b: Int, maximumGap: Int, drift: Int) -> (drift: Int, replacesLast: Bool)? {
        func follows(_ anchor: (Int, Int)) -> Int? {
            guard anchor.0 < a, anchor.1 < b, a - anchor.0 <= maximumGap, b - anchor.1 <= maximumGap else { return nil }
            return abs((b - a) - (anchor.1 - anchor.0))
        }
        let last = anchors[anchors.count - 1]
        if let change = follows(last) { return (change, false) }
        guard anchors.count >= 2 else { return nil }
        let beforeLast = anchors[anchors.count - 2]
        guard Self.diagonalChange(beforeLast, last) > drift, let change = follows(beforeLast), change <= drift else { return nil }
        return (change, true)
    }

    /// The chain without stray anchors at its ends.
    private func trimmed(drift: Int) -> AnchorChain {
        var anchors = self.anchors[...]
        while anchors.count >= 3, Self.diagonalChange(anchors[anchors.startIndex], anchors[anchors.startIndex + 1]) > drift {
            anchors = anchors.dropFirst()
        }
        while anchors.count >= 3, Self.diagonalChange(anchors[anchors.endIndex - 2], anchors[anchors.endIndex - 1]) > drift {
            anchors = anchors.dropLast()
        }
        return AnchorChain(anchors: Array(anchors))
    }

    private static func diagonalChange(_ x: (Int, Int), _ y: (Int, Int)) -> Int {
        abs((y.1 - y.0) - (x.1 - x.0))
    }
}

/// The cells the banded alignment computes: for each row (word of `a`), a window of columns
/// (words of `b`) around the path through a chain's anchors.
///
/// Between two anchors the path is a straight line, and the window is widened by the difference
/// of their diagonals: a deleted or inserted run shifts the true path by that much somewhere in
/// between. Beyond the first and last anchors the path continues on their diagonals for `margin`
/// rows, where the alignment may extend the passage, in a window that widens by a word every four
/// rows.
struct AlignmentBand: Sendable {
    let rows: Range<Int>
    /// Columns `lower[r]..<upper[r]` of row `rows.lowerBound + r`; both non-decreasing.
    private(set) var lower: [Int]
    private(set) var upper: [Int]

    init(chain: AnchorChain, ngram: Int, margin: Int, halfWidth: Int, rowCount: Int, columnCount: Int) {
        var path = chain.anchors
        if let (lastA, lastB) = path.last { path.append((lastA + ngram - 1, lastB + ngram - 1)) }
        let (firstA, firstB) = path[0], (endA, endB) = path[path.count - 1]
        path.insert((firstA - margin, firstB - margin), at: 0)
        path.append((endA + margin, endB + margin))
        rows = max(0, firstA - margin)..<min(rowCount, endA + margin + 1)
        lower = []
        upper = []
        lower.reserveCapacity(rows.count)
        upper.reserveCapacity(rows.count)
        var segment = 0
        for row in rows {
            while segment + 2 < path.count && path[segment + 1].0 <= row { segment += 1 }
            let (a0, b0) = path[segment], (a1, b1) = path[segment + 1]
            let center = b0 + (row - a0) * (b1 - b0) / max(1, a1 - a0)
            var slack = abs((b1 - b0) - (a1 - a0))
            // Past the first and last anchors nothing says where the path goes: deletions shift it
            // further the farther the alignment runs, so the window widens with the distance.
            if segment == 0 { slack = (firstA - row) / 4 }
            if segment == path.count - 2 { slack = (row - endA) / 4 }
            lower.append(min(columnCount, max(0, center - halfWidth - slack)))
            upper.append(min(columnCount, max(0, center + halfWidth + slack + 1)))
        }
        // Monotone windows: each row's window then overlaps or follows the one above.
        for index in lower.indices.reversed().dropFirst() { lower[index] = min(lower[index], lower[index + 1]) }
        for index in upper.indices.dropFirst() { upper[index] = max(upper[index], upper[index - 1]) }
    }

    func columns(ofRow row: Int) -> Range<Int> {
        lower[row - rows.lowerBound]..<upper[row - rows.lowerBound]
    }

    var cellCount: Int { zip(lower, upper).reduce(0) { $0 + ($1.1 - $1.0) } }
}
