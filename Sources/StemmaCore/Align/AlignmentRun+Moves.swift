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

    func dice(_ a: SentenceProfile, _ b: SentenceProfile) -> Double {
        guard a.weight + b.weight > 0 else { return 0 }
        return 2 * SentenceProfile.overlap(a.words, b.words) / (a.weight + b.weight)
    }
}
