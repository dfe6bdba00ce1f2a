/// Aligns the sentences of two versions of a text: unchanged, edited, split, merged, moved, added
/// and deleted.
///
/// 1. **Anchors.** Sentences that read the same (after normalization) and occur once in each version
///    are matched when their order agrees (patience diff). They cut one big problem into many small
///    ones and keep long documents near-linear.
/// 2. **Gaps.** Between anchors a dynamic program over the two sentence lists takes 1:0, 0:1, 1:1,
///    1:2, 2:1, 1:3 and 3:1 steps (the step set of Gale & Church 1993), scoring a match by the
///    weighted overlap of words: `2·overlap − penalty · unmatched`, with function words weighing a
///    quarter. Every sentence of a split or merge must be mostly contained in the other side
///    (NewsEdits checks matches in both directions the same way).
/// 3. **Moves.** Deleted and added sentences that match well are paired greedily, best first, and
///    marked moved: their order crosses the rest.
/// 4. **Pieces apart.** An added (deleted) sentence mostly contained in an old (new) sentence that
///    is matched elsewhere, and covering a good part of it that its match lacks, is a piece of a
///    split (merge) that landed apart.
///
/// - Complexity: O(*n* log *n*) for anchoring plus O(*g*²) for each gap of *g* sentences, with gaps
///   larger than ``maximumCells`` cut into diagonal blocks.
public struct SentenceAligner: Sendable {
    /// How much an unmatched word weighs against a matched one in a match's score; a 1:1 match pays
    /// off when its weighted Dice similarity exceeds `penalty / (1 + penalty)`.
    public var unmatchedPenalty = 0.6
    /// The least weighted Dice similarity for any match.
    public var minimumSimilarity = 0.4
    /// The least share of each sentence of a split or merge that must be found on the other side.
    public var minimumPartContainment = 0.5
    /// The least weighted Dice similarity for pairing a deleted and an added sentence as a move.
    public var minimumMoveSimilarity = 0.5
    /// The least share of a split (or merged) sentence that a piece apart must add to what the
    /// matched piece covers of it.
    public var minimumPieceGain = 0.25
    /// Gaps with more cells than this are aligned block by block along the diagonal.
    public var maximumCells = 250_000
    /// Gaps with more cells than this are first cut at repeated sentences that read the same.
    public var minimumCellsForRepeatedAnchors = 2_500

    public init() {}

    /// The alignment of two analyzed texts, ordered by old position (deletions) and new position.
    public func align(_ old: AnalyzedText, with new: AnalyzedText) -> [SentenceGroup] {
        let oldProfiles = old.sentences.map { SentenceProfile(sentence: $0, tokens: old.tokens) }
        let newProfiles = new.sentences.map { SentenceProfile(sentence: $0, tokens: new.tokens) }
        return align(oldProfiles, newProfiles)
    }

    func align(_ old: [SentenceProfile], _ new: [SentenceProfile]) -> [SentenceGroup] {
        var run = AlignmentRun(aligner: self, old: old, new: new)
        run.alignAnchored(0..<old.count, 0..<new.count, anchors: SequenceMatcher.uniqueAnchors(
            run.oldIdentities[...], run.newIdentities[...]))
        run.pairMoves()
        run.joinPiecesApart()
        return run.groups
    }
}

/// The state of one alignment.
struct AlignmentRun {
    let aligner: SentenceAligner
    let old: [SentenceProfile]
    let new: [SentenceProfile]
    let oldIdentities: [UInt64]
    let newIdentities: [UInt64]
    var groups: [SentenceGroup] = []

    init(aligner: SentenceAligner, old: [SentenceProfile], new: [SentenceProfile]) {
        self.aligner = aligner
        self.old = old
        self.new = new
        oldIdentities = old.map(\.identity)
        newIdentities = new.map(\.identity)
    }

    /// Aligns the gaps between anchors, and the anchors themselves as 1:1 matches.
    mutating func alignAnchored(_ oldRange: Range<Int>, _ newRange: Range<Int>, anchors: [(Int, Int)]) {
        var oldFrom = oldRange.lowerBound, newFrom = newRange.lowerBound
        for (i, j) in anchors {
            alignGap(oldFrom..<i, newFrom..<j)
            groups.append(SentenceGroup(old: i..<(i + 1), new: j..<(j + 1)))
            oldFrom = i + 1
            newFrom = j + 1
        }
        alignGap(oldFrom..<oldRange.upperBound, newFrom..<newRange.upperBound)
    }

    mutating func alignGap(_ oldRange: Range<Int>, _ newRange: Range<Int>) {
        if oldRange.isEmpty || newRange.isEmpty {
            for i in oldRange { groups.append(SentenceGroup(old: i..<(i + 1), new: newRange.lowerBound..<newRange.lowerBound)) }
            for j in newRange { groups.append(SentenceGroup(old: oldRange.upperBound..<oldRange.upperBound, new: j..<(j + 1))) }
            return
        }
        let cells = oldRange.count * newRange.count
        // A larger gap is first cut at sentences that read the same even if repeated (text pasted
        // twice has no unique sentences); what remains goes to the dynamic program, in diagonal
        // blocks if it is still too large.
        if cells > aligner.minimumCellsForRepeatedAnchors {
            let identical = SequenceMatcher.matches(
                oldIdentities[oldRange], newIdentities[newRange])
            if !identical.isEmpty {
                alignAnchored(oldRange, newRange, anchors: identical)
                return
            }
        }
        if cells <= aligner.maximumCells {
            alignByDynamicProgram(oldRange, newRange)
        } else {
            alignByDiagonalBlocks(oldRange, newRange)
        }
    }

    /// Cuts a large gap without anchors into blocks along its diagonal, each small enough for the
    /// dynamic program; a split or merge across a block border is then seen as an edit plus an
    /// addition or deletion.
    mutating func alignByDiagonalBlocks(_ oldRange: Range<Int>, _ newRange: Range<Int>) {
        let side = max(1, Int(Double(aligner.maximumCells).squareRoot()))
        let blocks = max(oldRange.count, newRange.count) / side + 1
        for block in 0..<blocks {
            let oldBlock = slice(oldRange, block, of: blocks)
            let newBlock = slice(newRange, block, of: blocks)
            alignGap(oldBlock, newBlock)
        }
    }

    private func slice(_ range: Range<Int>, _ block: Int, of blocks: Int) -> Range<Int> {
        let lower = range.lowerBound + range.count * block / blocks
        let upper = range.lowerBound + range.count * (block + 1) / blocks
        return lower..<upper
    }
}
