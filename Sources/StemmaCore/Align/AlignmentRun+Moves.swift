extension AlignmentRun {
    /// Pairs deleted and added sentences that match well, best first, and marks them moved.
    ///
    /// Pairs are scored by weighted Dice similarity. With many unmatched sentences on both sides
    /// only sentences that read the same are paired, to stay within linear time.
    mutating func pairMoves() {
        let deleted = groups.indices.filter { groups[$0].new.isEmpty }
        let added = groups.indices.filter { groups[$0].old.isEmpty }
        guard !deleted.isEmpty, !added.isEmpty else { return }
        var candidates: [(similarity: Double, deleted: Int, added: Int)] = []
        if deleted.count * added.count <= 1_000_000 {
            for d in deleted {
                let a = old[groups[d].old.lowerBound]
                for n in added {
                    let b = new[groups[n].new.lowerBound]
                    guard a.kind == b.kind || (a.kind != .metadata && b.kind != .metadata) else { continue }
                    let similarity = a.identity == b.identity ? 1 : dice(a, b)
                    if similarity >= aligner.minimumMoveSimilarity { candidates.append((similarity, d, n)) }
                }
            }
        } else {
            var addedByIdentity: [UInt64: [Int]] = [:]
            for n in added { addedByIdentity[new[groups[n].new.lowerBound].identity, default: []].append(n) }
            for d in deleted {
                for n in addedByIdentity[old[groups[d].old.lowerBound].identity] ?? [] {
                    candidates.append((1, d, n))
                }
            }
        }
        candidates.sort { ($0.similarity, $1.deleted, $1.added) > ($1.similarity, $0.deleted, $0.added) }
        var used = Set<Int>()
        var removed = Set<Int>()
        for candidate in candidates where !used.contains(candidate.deleted) && !used.contains(candidate.added) {
            used.insert(candidate.deleted)
            used.insert(candidate.added)
            // The move takes the added sentence's place, so it is listed in new order.
            groups[candidate.added].old = groups[candidate.deleted].old
            groups[candidate.added].isMoved = true
            removed.insert(candidate.deleted)
        }
        if !removed.isEmpty {
            groups = groups.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        }
        clearMovesThatCrossNothing()
        markBlocksInsideReorderings()
    }

    /// A pair found by the move pass whose order agrees with every other match is an edit in place.
    mutating func clearMovesThatCrossNothing() {
        let inPlace = groups.filter { !$0.isMoved && !$0.old.isEmpty && !$0.new.isEmpty }
        guard groups.contains(where: \.isMoved) else { return }
        for index in groups.indices where groups[index].isMoved {
            let (o, n) = (groups[index].old.lowerBound, groups[index].new.lowerBound)
            let crosses = inPlace.contains { ($0.old.lowerBound < o) != ($0.new.lowerBound < n) }
            if !crosses { groups[index].isMoved = false }
        }
    }

    /// Marks moved the runs of sentences left in place that sit inside a reordering: when a block
    /// of paragraphs is reversed, the crossing-minimal alignment keeps one of them in place, but a
    /// reader calls them all moved.
    ///
    /// A block is a run of in-place matches consecutive in both texts. It is moved when it has new
    /// neighbours on both sides (the matches before and after it are not those it had) and the
    /// moved text right beside it is at least as long as it is. A long stretch that a paragraph
    /// left (moved from the top to the end) has new neighbours too, but is longer than the move,
    /// and keeps its place.
    mutating func markBlocksInsideReorderings() {
        guard groups.contains(where: \.isMoved) else { return }
        // Matches in new order (groups are listed in new order), and each one's rank in old order.
        let matched = groups.indices.filter { !groups[$0].old.isEmpty && !groups[$0].new.isEmpty }
        let byOld = matched.indices.sorted { groups[matched[$0]].old.lowerBound < groups[matched[$1]].old.lowerBound }
        var oldRank = [Int](repeating: 0, count: matched.count)
        for (rank, position) in byOld.enumerated() { oldRank[position] = rank }
        let moved = matched.map { groups[$0].isMoved }
        let sentences = matched.map { groups[$0].new.count }
        /// The position (in new order) of the match at `rank` in old order; -1 and `count` stand for the text's ends.
        func atOldRank(_ rank: Int) -> Int { rank < 0 ? -1 : rank >= byOld.count ? matched.count : byOld[rank] }
        /// The sentences of the moves next to `position`, going by `step`.
        func movedBeside(_ position: Int, step: Int) -> Int {
            var total = 0, next = position + step
            while matched.indices.contains(next), moved[next] { total += sentences[next]; next += step }
            return total
        }

        var position = 0
        var reordered: [ClosedRange<Int>] = []
        while position < matched.count {
            guard !moved[position] else { position += 1; continue }
            var end = position
            while end + 1 < matched.count, !moved[end + 1], oldRank[end + 1] == oldRank[end] + 1 { end += 1 }
            let block = position...end
            position = end + 1
            let newNeighbours = atOldRank(oldRank[block.lowerBound] - 1) != block.lowerBound - 1
                && atOldRank(oldRank[block.upperBound] + 1) != block.upperBound + 1
            let length = block.reduce(0) { $0 + sentences[$1] }
            if newNeighbours, movedBeside(block.lowerBound, step: -1) + movedBeside(block.upperBound, step: 1) >= length {
                reordered.append(block)
            }
        }
        // Decided on the moves found by pairing, then applied: one block marked does not decide another.
        for block in reordered {
            for position in block { groups[matched[position]].isMoved = true }
        }
    }

    func dice(_ a: SentenceProfile, _ b: SentenceProfile) -> Double {
        guard a.weight + b.weight > 0 else { return 0 }
        return 2 * SentenceProfile.overlap(a.words, b.words) / (a.weight + b.weight)
    }
}
