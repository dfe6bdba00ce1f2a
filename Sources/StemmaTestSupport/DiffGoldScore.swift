/// How well a diff's operations agree with a gold pair, or with a whole gold set.
///
/// - An operation is **exact** when a predicted operation has its kind and the same sentence texts on
///   each side (as multisets, surrounding whitespace trimmed); each predicted one serves once.
/// - **Tags** are judged over (operation, tag) pairs. For recall, each gold operation is matched to
///   the predicted operation sharing most of its sentences (a gold and a predicted sentence of one
///   side are shared when their byte ranges overlap; ties go to the most overlapping bytes); for
///   precision, each predicted operation to the gold operation sharing most of its sentences. An
///   operation with no tags counts no pairs; precision or recall over no pairs is 1.
public struct DiffGoldScore: Sendable {
    /// A gold operation that no predicted operation gives exactly, and the predicted operations that
    /// share a sentence with it, in reading order.
    public struct Miss: Sendable {
        public var gold: DiffGold.LocatedOperation
        public var predicted: [DiffGold.LocatedOperation]
    }

    /// A gold operation whose best-matching predicted operation has other tags.
    public struct TagMiss: Sendable {
        public var gold: DiffGold.LocatedOperation
        public var predicted: DiffGold.LocatedOperation?
        public var missing: [String]
        public var extra: [String]
    }

    /// The pair's name, or `total`.
    public var name: String
    public var operations = 0
    public var exact = 0
    /// Gold (operation, tag) pairs, and those the matched predicted operation also has.
    public var goldTags = 0
    public var recalledTags = 0
    /// Predicted (operation, tag) pairs, and those the matched gold operation also has.
    public var predictedTags = 0
    public var correctTags = 0
    public var misses: [Miss] = []
    public var tagMisses: [TagMiss] = []
    /// The number of pairs scored.
    public var pairs = 1

    public init(name: String) {
        self.name = name
    }

    public var exactShare: Double { operations == 0 ? 1 : Double(exact) / Double(operations) }
    public var tagPrecision: Double { predictedTags == 0 ? 1 : Double(correctTags) / Double(predictedTags) }
    public var tagRecall: Double { goldTags == 0 ? 1 : Double(recalledTags) / Double(goldTags) }

    /// The scores of several pairs added up: the shares are over all their operations and tags.
    public static func total(of scores: [DiffGoldScore]) -> DiffGoldScore {
        var total = DiffGoldScore(name: "total")
        total.pairs = scores.reduce(0) { $0 + $1.pairs }
        for score in scores {
            total.operations += score.operations
            total.exact += score.exact
            total.goldTags += score.goldTags
            total.recalledTags += score.recalledTags
            total.predictedTags += score.predictedTags
            total.correctTags += score.correctTags
            total.misses += score.misses
            total.tagMisses += score.tagMisses
        }
        return total
    }
}
