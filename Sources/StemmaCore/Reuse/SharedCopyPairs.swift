/// Copies of one passage that share too few exact n-grams to become a candidate pair, found
/// through a third copy both were aligned with.
///
/// Two noisy copies of a short notice, each misread in different places, often share no exact
/// 5-gram at all, while each shares several with the clean copy they came from. Where passages
/// `x–w` and `w–y` lie on the same copy in `w` (overlapping by more than half of the shorter),
/// `x` and `y` hold the same text: composing the two word alignments through `w` gives anchors
/// from `x` to `y`, and the banded alignment then aligns `x` and `y` directly, finding their own
/// boundaries and score. Passages already found between `x` and `y` are not found again.
struct SharedCopyPairs {
    /// Words of `w` apart between composed anchors: about one per n-gram, as the aligner's own.
    let spacing: Int

    /// For each document pair reached through a shared copy and not yet aligned there, the
    /// composed anchors (word in the lower document, word in the higher), sorted.
    func anchors(through passages: [ReusePassage]) -> [(a: Int, b: Int, anchors: [(Int, Int)])] {
        var sides: [Int: [(passage: Int, isA: Bool)]] = [:]
        for (index, passage) in passages.enumerated() {
            sides[passage.a, default: []].append((index, true))
            sides[passage.b, default: []].append((index, false))
        }
        var found: [[Int]: [ReusePassage]] = [:]
        for passage in passages { found[[passage.a, passage.b], default: []].append(passage) }
        var composed: [[Int]: [(Int, Int)]] = [:]
        for (_, list) in sides.sorted(by: { $0.key < $1.key }) {
            for (first, p) in list.enumerated() {
                for q in list[(first + 1)...] {
                    let x = Self.other(passages[p.passage], p.isA), y = Self.other(passages[q.passage], q.isA)
                    guard x.document != y.document,
                          Self.sameCopy(Self.span(passages[p.passage], p.isA), Self.span(passages[q.passage], q.isA)) else { continue }
                    let (low, high) = x.document < y.document ? (p, q) : (q, p)
                    let key = [min(x.document, y.document), max(x.document, y.document)]
                    let anchors = compose(passages[low.passage], low.isA, passages[high.passage], high.isA)
                    let already = found[key] ?? []
                    let fresh = anchors.filter { anchor in !already.contains { $0.wordsA.contains(anchor.0) && $0.wordsB.contains(anchor.1) } }
                    if fresh.count >= 2 { composed[key, default: []] += fresh }
                }
            }
        }
        return composed.sorted { ($0.key[0], $0.key[1]) < ($1.key[0], $1.key[1]) }.map { key, anchors in
            let unique = Array(Set(anchors.map { $0.0 << 32 | $0.1 })).sorted()
            return (a: key[0], b: key[1], anchors: unique.map { ($0 >> 32, $0 & 0xFFFF_FFFF) })
        }
    }

    /// Anchors from the other side of `p` to the other side of `q`, through their shared
    /// document's words: every `spacing`-th matching word of `p` whose word in the shared
    /// document `q` also matches.
    private func compose(_ p: ReusePassage, _ pSharedIsA: Bool, _ q: ReusePassage, _ qSharedIsA: Bool) -> [(Int, Int)] {
        var toQ: [Int: Int] = [:]
        for (shared, other) in Self.matches(q, sharedIsA: qSharedIsA) { toQ[shared] = other }
        var anchors: [(Int, Int)] = []
        var last: Int?
        for (shared, other) in Self.matches(p, sharedIsA: pSharedIsA) where last.map({ other - $0 >= spacing }) ?? true {
            guard let target = toQ[shared] else { continue }
            anchors.append((other, target))
            last = other
        }
        return anchors
    }

    /// The matching and variant word pairs of a passage as (word in the shared side, word in the other).
    private static func matches(_ passage: ReusePassage, sharedIsA: Bool) -> [(Int, Int)] {
        passage.alignment.steps.compactMap { step in
            switch step {
            case let .match(a, b), let .variant(a, b): sharedIsA ? (a, b) : (b, a)
            default: nil
            }
        }
    }

    private static func other(_ passage: ReusePassage, _ sharedIsA: Bool) -> (document: Int, words: Range<Int>) {
        sharedIsA ? (passage.b, passage.wordsB) : (passage.a, passage.wordsA)
    }

    private static func span(_ passage: ReusePassage, _ isA: Bool) -> Range<Int> {
        isA ? passage.wordsA : passage.wordsB
    }

    private static func sameCopy(_ x: Range<Int>, _ y: Range<Int>) -> Bool {
        let shared = max(0, min(x.upperBound, y.upperBound) - max(x.lowerBound, y.lowerBound))
        return 2 * shared > min(x.count, y.count)
    }
}
