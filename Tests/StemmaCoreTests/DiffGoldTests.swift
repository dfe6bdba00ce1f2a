import Foundation
import StemmaCore
import StemmaTestSupport
import Testing

/// Issue 16, section 5: the diff gold set of `Benchmarks/diff-gold/` and its scorer.
@Suite struct DiffGoldTests {
    /// The gold set holds twelve pairs; a new pair raises this on purpose.
    static let pairCount = 12

    static let fileNames: [String] = (try? Fixtures.packageDirectory("Benchmarks/diff-gold"))?
        .filter { $0.hasSuffix(".json") }.map { URL(fileURLWithPath: $0).lastPathComponent } ?? []

    static func gold(_ fileName: String) throws -> DiffGold {
        try DiffGold.load(from: DiffGold.directory.appendingPathComponent(fileName))
    }

    // MARK: The scorer on a case worked out by hand

    static let tiny = DiffGold(
        name: "tiny",
        old: "The mayor spoke on Monday. The budget is $5 million.\n\nThe council met, and it voted. Rain fell.\n",
        new: "The mayor spoke. The budget is $6 million.\n\nThe council met. It voted. Rain fell.\n",
        operations: [
            .init(kind: "edited", old: ["The mayor spoke on Monday."], new: ["The mayor spoke."], tags: ["time-words-removed"]),
            .init(kind: "edited", old: ["The budget is $5 million."], new: ["The budget is $6 million."], tags: ["number-changed"]),
            .init(kind: "split", old: ["The council met, and it voted."], new: ["The council met.", "It voted."]),
            .init(kind: "unchanged", old: ["Rain fell."], new: ["Rain fell."]),
        ]
    )

    /// A predicted operation over sentences of the tiny pair, located by their first occurrence.
    static func predicted(_ kind: String, old: [String] = [], new: [String] = [], tags: Set<String> = []) throws -> DiffGold.LocatedOperation {
        func located(_ text: String, in side: String) throws -> DiffGold.Sentence {
            let bytes = Array(side.utf8), needle = Array(text.utf8)
            let start = try #require((0...(bytes.count - needle.count)).first { bytes[$0...].starts(with: needle) })
            return DiffGold.Sentence(text: text, bytes: start..<(start + needle.count))
        }
        return DiffGold.LocatedOperation(
            kind: kind, old: try old.map { try located($0, in: tiny.old) }, new: try new.map { try located($0, in: tiny.new) }, tags: tags
        )
    }

    @Test func scorerCountsExactOperationsAndTagPairs() throws {
        let predictions = [
            // Exact, but the time-words tag is missing.
            try Self.predicted("edited", old: ["The mayor spoke on Monday."], new: ["The mayor spoke."]),
            // Wrong kind, with the right tag and an extra one.
            try Self.predicted("moved", old: ["The budget is $5 million."], new: ["The budget is $6 million."], tags: ["number-changed", "names-added"]),
            // Wrong split: one piece matched, the other added.
            try Self.predicted("edited", old: ["The council met, and it voted."], new: ["The council met."]),
            try Self.predicted("added", new: ["It voted."]),
            try Self.predicted("unchanged", old: ["Rain fell."], new: ["Rain fell."]),
        ]
        let score = try Self.tiny.score(predictions)
        #expect(score.operations == 4)
        #expect(score.exact == 2)
        #expect(score.exactShare == 0.5)
        #expect(score.goldTags == 2)
        #expect(score.recalledTags == 1)
        #expect(score.tagRecall == 0.5)
        #expect(score.predictedTags == 2)
        #expect(score.correctTags == 1)
        #expect(score.tagPrecision == 0.5)

        #expect(score.misses.map(\.gold.kind) == ["edited", "split"])
        let split = try #require(score.misses.last)
        #expect(split.predicted.map(\.kind) == ["edited", "added"])
        #expect(score.tagMisses.map(\.missing) == [["time-words-removed"], []])
        #expect(score.tagMisses.map(\.extra) == [[], ["names-added"]])
        #expect(score.missReport.contains("gold split old «The council met, and it voted.» new «The council met.» + «It voted.»"))
    }

    @Test func splitPiecesNamingTheSameOldSentenceAreJoined() throws {
        let predictions = [
            try Self.predicted("edited", old: ["The mayor spoke on Monday."], new: ["The mayor spoke."], tags: ["time-words-removed"]),
            try Self.predicted("edited", old: ["The budget is $5 million."], new: ["The budget is $6 million."], tags: ["number-changed"]),
            try Self.predicted("split", old: ["The council met, and it voted."], new: ["The council met."]),
            try Self.predicted("moved", old: ["The council met, and it voted."], new: ["It voted."]),
            try Self.predicted("unchanged", old: ["Rain fell."], new: ["Rain fell."]),
        ]
        let score = try Self.tiny.score(predictions)
        #expect(score.exact == 4)
        #expect(score.tagPrecision == 1)
        #expect(score.tagRecall == 1)
        #expect(score.misses.isEmpty)
        #expect(score.tagMisses.isEmpty)
        #expect(score.missReport.isEmpty)
    }

    @Test func additionsCountOnePerSentence() throws {
        let gold = DiffGold(
            name: "additions", old: "Rain fell.\n", new: "Rain fell. Wind blew. Snow came.\n",
            operations: [
                .init(kind: "unchanged", old: ["Rain fell."], new: ["Rain fell."]),
                .init(kind: "added", new: ["Wind blew."]),
                .init(kind: "added", new: ["Snow came."]),
            ]
        )
        let rain = DiffGold.Sentence(text: "Rain fell.", bytes: 0..<10)
        let predictions = [
            DiffGold.LocatedOperation(kind: "unchanged", old: [rain], new: [rain]),
            DiffGold.LocatedOperation(kind: "added", new: [
                DiffGold.Sentence(text: "Wind blew.", bytes: 11..<21), DiffGold.Sentence(text: "Snow came.", bytes: 22..<32),
            ]),
        ]
        #expect(try gold.score(predictions).exact == 3)
    }

    @Test func aGoldPairMissingASentenceIsRejected() {
        var gold = Self.tiny
        gold.operations.removeLast()
        #expect(throws: DiffGold.FileError.self) { try gold.locatedOperations() }
        var misquoted = Self.tiny
        misquoted.operations[0].new = ["The mayor spoke today."]
        #expect(throws: DiffGold.FileError.self) { try misquoted.locatedOperations() }
    }

    // MARK: The gold set

    @Test func theGoldSetHasItsPairs() {
        #expect(Self.fileNames.count == Self.pairCount)
    }

    @Test(arguments: DiffGoldTests.fileNames) func goldFileParsesAndQuotesItsTexts(fileName: String) throws {
        let gold = try Self.gold(fileName)
        #expect(fileName == gold.name + ".json")
        let kinds = Set(DiffOperation.Kind.allCases.map(\.rawValue))
        // `tense-changed` is issue 16's new tag; the gold set uses it before the classifier has it.
        let tags = Set(ChangeTag.allCases.map(\.rawValue)).union(["tense-changed"])
        for (index, operation) in gold.operations.enumerated() {
            let label = "\(gold.name) operation \(index + 1)"
            #expect(kinds.contains(operation.kind), "\(label): unknown kind \(operation.kind)")
            #expect(operation.tags.allSatisfy(tags.contains), "\(label): unknown tag in \(operation.tags)")
            #expect(Set(operation.tags).count == operation.tags.count, "\(label): a tag twice")
            for sentence in operation.old { #expect(gold.old.contains(sentence), "\(label): not in old: \(sentence)") }
            for sentence in operation.new { #expect(gold.new.contains(sentence), "\(label): not in new: \(sentence)") }
            let (olds, news) = (operation.old.count, operation.new.count)
            let shapeFits = switch operation.kind {
            case "unchanged", "edited", "moved": olds == 1 && news == 1
            case "split": olds == 1 && news >= 2
            case "merged": olds >= 2 && news == 1
            case "added": olds == 0 && news == 1
            case "deleted": olds == 1 && news == 0
            default: true
            }
            #expect(shapeFits, "\(label): \(olds) old and \(news) new sentences for \(operation.kind)")
            if operation.kind == "unchanged" { #expect(operation.old == operation.new, "\(label)") }
            if operation.kind == "edited" { #expect(operation.old != operation.new, "\(label)") }
            if ["unchanged", "added", "deleted"].contains(operation.kind) { #expect(operation.tags.isEmpty, "\(label)") }
        }
    }

    @Test(arguments: DiffGoldTests.fileNames) func everySentenceIsInExactlyOneGoldOperation(fileName: String) throws {
        let gold = try Self.gold(fileName)
        let located = try gold.locatedOperations()
        let old = located.flatMap(\.old), new = located.flatMap(\.new)
        #expect((6...20).contains(old.count) && (6...20).contains(new.count), "\(gold.name): \(old.count) and \(new.count) sentences")
        #expect(Set(old.map(\.bytes)).count == old.count)
        #expect(Set(new.map(\.bytes)).count == new.count)
    }

    /// Issue 16's goal on the gold set: 95% of operations exact, tag precision and recall 0.9.
    /// The gold set guided the work, so this is a floor against regressions; unseen pairs are
    /// the real judge.
    @Test func theDiffReachesTheGoalOnTheGoldSet() throws {
        let scores = try DiffGold.loadAll().map { try $0.score() }
        #expect(scores.count == Self.pairCount)
        let total = DiffGoldScore.total(of: scores)
        #expect(total.pairs == Self.pairCount)
        #expect(total.exactShare >= 0.95, "\(DiffGoldScore.table(scores))")
        #expect(total.tagPrecision >= 0.9 && total.tagRecall >= 0.9, "\(DiffGoldScore.table(scores))")
        print(DiffGoldScore.table(scores))
        func three(_ value: Double) -> String { String(format: "%.3f", value) }
        print("diff gold: \(total.exact)/\(total.operations) operations exact (\(three(total.exactShare))), "
            + "tag precision \(three(total.tagPrecision)) (\(total.correctTags)/\(total.predictedTags)), "
            + "recall \(three(total.tagRecall)) (\(total.recalledTags)/\(total.goldTags))")
    }
}
