/// Local alignment of two word sequences inside a band: Smith & Waterman (1981) with affine gap
/// costs computed in three matrices (Gotoh 1982), only in the cells of an ``AlignmentBand``.
///
/// `H` holds the best score of an alignment ending with words `r` of `a` and `c` of `b` side by
/// side, `E` one ending with word `c` of `b` against a gap, `F` one ending with word `r` of `a`
/// against a gap. Cells outside the band count as the start of a new alignment for `H` and as
/// impossible for the gaps. Two rows of scores are kept; one byte per cell records where each value
/// came from, for the traceback.
///
/// - Complexity: O(cells of the band) time and bytes.
struct BandedAligner {
    let scoring: ReuseScoring

    private enum Trace {
        static let fromDiagonal: UInt8 = 1, fromE: UInt8 = 2, fromF: UInt8 = 3, sourceMask: UInt8 = 3
        static let eOpened: UInt8 = 4, fOpened: UInt8 = 8
        static let match: UInt8 = 1 << 4, variant: UInt8 = 2 << 4, kindMask: UInt8 = 3 << 4
    }

    private static let impossible = Int32.min / 4

    /// The best-scoring alignment in the band, or nil when no word pair scores above zero.
    func align(_ a: ReuseText, _ b: ReuseText, in band: AlignmentBand) -> WordAlignment? {
        var trace = [UInt8](repeating: 0, count: band.cellCount)
        var rowOffsets: [Int] = []
        rowOffsets.reserveCapacity(band.rows.count)
        let widest = band.rows.map { band.columns(ofRow: $0).count }.max() ?? 0
        var previousH = [Int32](repeating: 0, count: widest), previousF = previousH
        var currentH = previousH, currentF = previousH
        var previousColumns = 0..<0
        var best: (score: Int32, row: Int, column: Int) = (0, -1, -1)
        var offset = 0
        withCellScorer(a, b) { scorer in
            for row in band.rows {
                let columns = band.columns(ofRow: row)
                rowOffsets.append(offset)
                var hLeft = Self.impossible, e = Self.impossible
                for column in columns {
                    let hDiagonal = previousColumns.contains(column - 1) ? previousH[column - 1 - previousColumns.lowerBound] : 0
                    let (hUp, fUp) = previousColumns.contains(column)
                        ? (previousH[column - previousColumns.lowerBound], previousF[column - previousColumns.lowerBound])
                        : (Self.impossible, Self.impossible)
                    let (score, kind) = scorer(row, column)
                    let diagonal = hDiagonal + score
                    let fOpen = hUp - scoring.gapOpen, fExtend = fUp - scoring.gapExtend
                    let f = max(fOpen, fExtend)
                    let eOpen = hLeft - scoring.gapOpen, eExtend = e - scoring.gapExtend
                    e = max(eOpen, eExtend)
                    var h: Int32 = 0, source: UInt8 = 0
                    if diagonal > h { (h, source) = (diagonal, Trace.fromDiagonal) }
                    if e > h { (h, source) = (e, Trace.fromE) }
                    if f > h { (h, source) = (f, Trace.fromF) }
                    trace[offset] = source | kind | (eOpen >= eExtend ? Trace.eOpened : 0) | (fOpen >= fExtend ? Trace.fOpened : 0)
                    offset += 1
                    currentH[column - columns.lowerBound] = h
                    currentF[column - columns.lowerBound] = f
                    hLeft = h
                    if h > best.score { best = (h, row, column) }
                }
                swap(&previousH, &currentH)
                swap(&previousF, &currentF)
                previousColumns = columns
            }
        }
        guard best.row >= 0 else { return nil }
        let steps = traceback(from: (best.row, best.column), trace: trace, rowOffsets: rowOffsets, band: band)
        let start: (Int, Int)
        switch steps.first {
        case let .match(a, b), let .variant(a, b): start = (a, b)
        default: preconditionFailure("A local alignment starts with a matching word")
        }
        let (firstA, firstB) = start
        return WordAlignment(wordsA: firstA..<(best.row + 1), wordsB: firstB..<(best.column + 1), score: Int(best.score), steps: steps)
    }

    /// The steps from the start of the alignment to `end`, walking the recorded sources back.
    private func traceback(from end: (Int, Int), trace: [UInt8], rowOffsets: [Int], band: AlignmentBand) -> [WordAlignment.Step] {
        enum State { case h, e, f }
        var (row, column) = end
        var state = State.h
        var steps: [WordAlignment.Step] = []
        while band.rows.contains(row), band.columns(ofRow: row).contains(column) {
            let cell = trace[rowOffsets[row - band.rows.lowerBound] + column - band.columns(ofRow: row).lowerBound]
            switch state {
            case .h:
                switch cell & Trace.sourceMask {
                case Trace.fromDiagonal:
                    switch cell & Trace.kindMask {
                    case Trace.match: steps.append(.match(row, column))
                    case Trace.variant: steps.append(.variant(row, column))
                    default: steps.append(.substitution(row, column))
                    }
                    row -= 1
                    column -= 1
                case Trace.fromE: state = .e
                case Trace.fromF: state = .f
                default: return steps.reversed()
                }
            case .e:
                steps.append(.onlyInB(column))
                if cell & Trace.eOpened != 0 { state = .h }
                column -= 1
            case .f:
                steps.append(.onlyInA(row))
                if cell & Trace.fOpened != 0 { state = .h }
                row -= 1
            }
        }
        return steps.reversed()
    }

    /// Calls `body` with a function scoring word `r` of `a` against word `c` of `b`, and the kind
    /// of the pair in trace bits; it reads the texts through buffers, with no copies. Words that
    /// differ only by OCR's confusions (the same folded key) are variants at any length; others are
    /// compared by spelling, folded. A pair too far apart for a variant but not clearly two words
    /// (``WordSimilarity/areGarbled(_:_:_:_:)``) is a substitution that costs nothing, so that an
    /// alignment crosses a badly read stretch where the texts realign after it.
    private func withCellScorer(_ a: ReuseText, _ b: ReuseText, _ body: ((Int, Int) -> (Int32, UInt8)) -> Void) {
        a.words.withUnsafeBufferPointer { wordsA in
            b.words.withUnsafeBufferPointer { wordsB in
                a.foldedRanges.withUnsafeBufferPointer { foldedA in
                    b.foldedRanges.withUnsafeBufferPointer { foldedB in
                        a.shapes.withUnsafeBufferPointer { shapesA in
                            b.shapes.withUnsafeBufferPointer { shapesB in
                                a.folded.withUnsafeBufferPointer { bytesA in
                                    b.folded.withUnsafeBufferPointer { bytesB in
                                        body { row, column in
                                            if wordsA[row].key == wordsB[column].key { return (scoring.match, Trace.match) }
                                            let isVariant = a.foldedKeys[row] == b.foldedKeys[column] || WordSimilarity.areVariants(
                                                UnsafeBufferPointer(rebasing: bytesA[foldedA[row]]), shapesA[row],
                                                UnsafeBufferPointer(rebasing: bytesB[foldedB[column]]), shapesB[column])
                                            if isVariant { return (scoring.variant, Trace.variant) }
                                            return (WordSimilarity.areGarbled(shapesA[row], shapesB[column]) ? scoring.garbled : scoring.mismatch, 0)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
