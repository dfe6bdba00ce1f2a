extension AlignmentRun {
    /// Finds splits and merges whose pieces landed apart: an old sentence matched to one new
    /// sentence whose other part became an added sentence elsewhere (a split), or a new sentence
    /// matched to one old sentence that also took in a deleted sentence from elsewhere (a merge).
    ///
    /// A piece joins when it is mostly contained in the sentence it came from or went into (the
    /// rule contiguous splits and merges follow) and, together with the matched piece, covers that
    /// sentence clearly better than the matched piece alone: so a short added sentence that only
    /// repeats some words of an edited one stays an addition.
    mutating func joinPiecesApart() {
        let added = groups.indices.filter { groups[$0].old.isEmpty && new[groups[$0].new.lowerBound].kind == .text }
        let deleted = groups.indices.filter { groups[$0].new.isEmpty && old[groups[$0].old.lowerBound].kind == .text }
        guard !added.isEmpty || !deleted.isEmpty else { return }
        var taken = Set<Int>()
        var pieces: [(whole: Int, parts: [Int], kind: SentenceGroup.Piece.Kind)] = []
        for index in groups.indices where groups[index].old.count == 1 && groups[index].new.count == 1 && groups[index].piece == nil {
            let (i, j) = (groups[index].old.lowerBound, groups[index].new.lowerBound)
            guard old[i].kind == .text, new[j].kind == .text, old[i].identity != new[j].identity else { continue }
            if let part = bestPiece(of: old[i], matched: new[j], among: added.filter { !taken.contains($0) }, side: \.new, in: new) {
                taken.insert(part)
                pieces.append((index, [index, part], .split))
            } else if let part = bestPiece(of: new[j], matched: old[i], among: deleted.filter { !taken.contains($0) }, side: \.old, in: old) {
                taken.insert(part)
                pieces.append((index, [index, part], .merge))
            }
        }
        var mergedPieces: [Int: [Int]] = [:]  // the matched piece of a merge -> its pieces, in order
        for (whole, parts, kind) in pieces {
            let shared = kind == .split ? groups[whole].old : groups[whole].new
            // Pieces are numbered in the order of their side.
            let ordered = parts.sorted {
                kind == .split ? groups[$0].new.lowerBound < groups[$1].new.lowerBound : groups[$0].old.lowerBound < groups[$1].old.lowerBound
            }
            for (number, part) in ordered.enumerated() {
                if kind == .split { groups[part].old = shared } else { groups[part].new = shared }
                groups[part].piece = SentenceGroup.Piece(kind: kind, index: number, count: ordered.count)
            }
            if kind == .merge { mergedPieces[whole] = ordered }
        }
        listMergedPiecesTogether(mergedPieces)
    }

    /// Lists the pieces of each merge apart together, in order, where the merged sentence is
    /// read: the groups stay in the new text's order, and the first piece comes first.
    mutating func listMergedPiecesTogether(_ mergedPieces: [Int: [Int]]) {
        guard !mergedPieces.isEmpty else { return }
        let moved = Set(mergedPieces.values.joined())
        var listed: [SentenceGroup] = []
        listed.reserveCapacity(groups.count)
        for index in groups.indices {
            if let pieces = mergedPieces[index] {
                listed.append(contentsOf: pieces.map { groups[$0] })
            } else if !moved.contains(index) {
                listed.append(groups[index])
            }
        }
        groups = listed
    }

    /// The unmatched sentence among `candidates` that best completes `matched` as a piece of
    /// `whole`, or nil when none does.
    func bestPiece(of whole: SentenceProfile, matched: SentenceProfile, among candidates: [Int],
                   side: KeyPath<SentenceGroup, Range<Int>>, in profiles: [SentenceProfile]) -> Int? {
        // What the matched piece covers of the whole (overlap is symmetric): it must be mostly
        // contained, and the candidate must add to it.
        let alone = SentenceProfile.overlap(whole.words, matched.words)
        guard whole.weight > 0, matched.weight > 0, alone >= aligner.minimumPartContainment * matched.weight else { return nil }
        var best: (gain: Double, index: Int)?
        for candidate in candidates {
            let piece = profiles[groups[candidate][keyPath: side].lowerBound]
            guard piece.weight > 0,
                SentenceProfile.overlap(piece.words, whole.words) >= aligner.minimumPartContainment * piece.weight
            else { continue }
            let together = SentenceProfile.overlap(whole.words, SentenceProfile.merged(matched.words, piece.words))
            // The piece must bring a good share of the whole that the matched piece lacks.
            let gain = together - alone
            guard gain >= aligner.minimumPieceGain * whole.weight, gain > best?.gain ?? 0 else { continue }
            best = (gain, candidate)
        }
        return best?.index
    }
}
