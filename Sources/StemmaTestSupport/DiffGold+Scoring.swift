import StemmaCore

extension DiffGold {
    /// Scores `VersionDiff(old:new:)` of this pair against its gold operations.
    ///
    /// - Throws: ``FileError`` when the gold operations do not fit the texts.
    public func score() throws -> DiffGoldScore {
        try score(Self.predictions(of: VersionDiff(old: old, new: new)))
    }

    /// Scores predicted operations against the gold ones, by the rules of ``DiffGoldScore``, after
    /// joining operations that share a sentence and cutting additions and deletions into one per
    /// sentence (`normalized(_:)` in `DiffGold+Predictions.swift`).
    ///
    /// - Throws: ``FileError`` when the gold operations do not fit the texts.
    public func score(_ predictions: [LocatedOperation]) throws -> DiffGoldScore {
        let predicted = Self.normalized(predictions)
        let gold = Self.perSentence(try locatedOperations())
        var score = DiffGoldScore(name: name)
        score.operations = gold.count

        var available: [LocatedOperation.Shape: Int] = [:]
        for operation in predicted { available[operation.shape, default: 0] += 1 }
        for operation in gold {
            if let count = available[operation.shape], count > 0 {
                available[operation.shape] = count - 1
                score.exact += 1
            } else {
                let sharing = predicted.filter { Self.overlap(of: operation, with: $0).sentences > 0 }
                score.misses.append(DiffGoldScore.Miss(gold: operation, predicted: sharing.sorted { Self.position($0) < Self.position($1) }))
            }
        }

        for operation in gold {
            let match = Self.bestMatch(for: operation, among: predicted)
            let found = match?.tags ?? []
            score.goldTags += operation.tags.count
            score.recalledTags += operation.tags.intersection(found).count
            if found != operation.tags {
                score.tagMisses.append(DiffGoldScore.TagMiss(
                    gold: operation, predicted: match,
                    missing: operation.tags.subtracting(found).sorted(), extra: found.subtracting(operation.tags).sorted()
                ))
            }
        }
        for operation in predicted {
            let match = Self.bestMatch(for: operation, among: gold)
            score.predictedTags += operation.tags.count
            score.correctTags += operation.tags.intersection(match?.tags ?? []).count
        }
        return score
    }

    /// The operation among `candidates` that shares most of `operation`'s sentences, if any shares one.
    static func bestMatch(for operation: LocatedOperation, among candidates: [LocatedOperation]) -> LocatedOperation? {
        var best: (candidate: LocatedOperation, overlap: Overlap)?
        for candidate in candidates {
            let overlap = overlap(of: operation, with: candidate)
            guard overlap.sentences > 0 else { continue }
            if let current = best, current.overlap >= overlap { continue }
            best = (candidate, overlap)
        }
        return best?.candidate
    }

    struct Overlap: Comparable {
        /// Sentences of the operation that overlap some sentence of the other one, both sides.
        var sentences: Int
        /// Bytes the two share, both sides.
        var bytes: Int

        static func < (a: Overlap, b: Overlap) -> Bool { (a.sentences, a.bytes) < (b.sentences, b.bytes) }
    }

    static func overlap(of operation: LocatedOperation, with other: LocatedOperation) -> Overlap {
        func side(_ mine: [Sentence], _ theirs: [Sentence]) -> Overlap {
            var result = Overlap(sentences: 0, bytes: 0)
            for sentence in mine {
                let shared = theirs.reduce(0) { $0 + max(0, min(sentence.bytes.upperBound, $1.bytes.upperBound) - max(sentence.bytes.lowerBound, $1.bytes.lowerBound)) }
                if shared > 0 {
                    result.sentences += 1
                    result.bytes += shared
                }
            }
            return result
        }
        let old = side(operation.old, other.old), new = side(operation.new, other.new)
        return Overlap(sentences: old.sentences + new.sentences, bytes: old.bytes + new.bytes)
    }

    /// Where an operation stands in reading order: its first new sentence, else its first old one.
    static func position(_ operation: LocatedOperation) -> (Int, Int) {
        (operation.new.first?.bytes.lowerBound ?? Int.max, operation.old.first?.bytes.lowerBound ?? Int.max)
    }
}
