/// A local alignment of two word sequences: the words it spans in each, its score, and each step.
public struct WordAlignment: Sendable, Hashable {
    /// One step of an alignment.
    public enum Step: Sendable, Hashable {
        /// The same word (same matching key) in both.
        case match(Int, Int)
        /// Different spellings of one word: OCR or typing noise (see ``WordSimilarity``).
        case variant(Int, Int)
        /// Different words in the same place.
        case substitution(Int, Int)
        /// A word of `a` with nothing in `b`.
        case onlyInA(Int)
        /// A word of `b` with nothing in `a`.
        case onlyInB(Int)
    }

    /// Words of `a` the alignment spans.
    public var wordsA: Range<Int>
    /// Words of `b` the alignment spans.
    public var wordsB: Range<Int>
    public var score: Int
    public var steps: [Step]

    public init(wordsA: Range<Int>, wordsB: Range<Int>, score: Int, steps: [Step]) {
        self.wordsA = wordsA
        self.wordsB = wordsB
        self.score = score
        self.steps = steps
    }

    /// How many steps of each kind: (matches, variants, substitutions, gap words).
    public var counts: (matches: Int, variants: Int, substitutions: Int, gaps: Int) {
        var counts = (matches: 0, variants: 0, substitutions: 0, gaps: 0)
        for step in steps {
            switch step {
            case .match: counts.matches += 1
            case .variant: counts.variants += 1
            case .substitution: counts.substitutions += 1
            case .onlyInA, .onlyInB: counts.gaps += 1
            }
        }
        return counts
    }
}
