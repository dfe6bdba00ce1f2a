import Foundation
import StemmaCore
import StemmaTestSupport
import Testing

@Suite struct VersionDiffTests {
    func kinds(_ old: String, _ new: String) -> [DiffOperation.Kind] {
        let diff = VersionDiff(old: old, new: new)
        expectInvariants(diff)
        return diff.operations.map(\.kind)
    }

    @Test func identicalTextsAreUnchanged() {
        let diff = VersionDiff(old: "One sentence. Two sentences.", new: "One sentence. Two sentences.")
        #expect(diff.isIdentical)
        #expect(diff.operations.map(\.kind) == [.unchanged, .unchanged])
        #expect(diff.overlap.jaccard == 1)
    }

    @Test func emptyInputsAreAllAddedOrDeleted() {
        #expect(kinds("", "First. Second.") == [.added, .added])
        #expect(kinds("First. Second.", "") == [.deleted, .deleted])
        let empty = VersionDiff(old: "", new: "")
        #expect(empty.operations.isEmpty && empty.isIdentical)
        expectInvariants(VersionDiff(old: "  \n\n ", new: "\n"))
    }

    @Test func aSentenceSplitInTwoOrThreeIsOneSplit() {
        let old = "The council voted on the budget, which cuts library hours and raises parking fees across the city."
        let two = "The council voted on the budget. It cuts library hours and raises parking fees across the city."
        let three = "The council voted on the budget. It cuts library hours. It also raises parking fees across the city."
        let diffTwo = VersionDiff(old: old, new: two)
        #expect(diffTwo.operations.map(\.kind) == [.split])
        #expect(diffTwo.operations[0].new.count == 2)
        let diffThree = VersionDiff(old: old, new: three)
        #expect(diffThree.operations.map(\.kind) == [.split])
        #expect(diffThree.operations[0].new.count == 3)
    }

    @Test func twoSentencesJoinedIntoOneAreOneMerge() {
        let diff = VersionDiff(
            old: "The bridge was closed in 1998 for repairs. City records show it was the 21st closure.",
            new: "The bridge was closed in 1998 for repairs, and city records show it was the 21st closure.")
        #expect(diff.operations.map(\.kind) == [.merged])
        #expect(diff.operations[0].old.count == 2)
        expectInvariants(diff)
    }

    @Test func movedParagraphIsMovedNotDeletedAndAdded() {
        let paragraphs = (1...8).map { "Paragraph \($0) tells of event number \($0) in the harbor city, with details about ferry \($0)." }
        var moved = paragraphs
        moved.insert(moved.remove(at: 6), at: 1)
        let diff = VersionDiff(old: paragraphs.joined(separator: "\n\n"), new: moved.joined(separator: "\n\n"))
        expectInvariants(diff)
        #expect(diff.count(of: .moved) == 1)
        #expect(diff.count(of: .unchanged) == 7)
        #expect(diff.count(of: .added) == 0 && diff.count(of: .deleted) == 0)
        let move = diff.operations.first { $0.kind == .moved }
        #expect(move?.old == 6..<7 && move?.new == 1..<2)
    }

    @Test func aSplitWhosePiecesLandApartIsOneSplit() throws {
        let diff = VersionDiff(
            old: "The council reviewed how the contract was awarded before the vote on the bridge repairs by seven members in March. "
                + "The mayor declined to comment. Engineers expect the work to take a year. The contractor has not replied.",
            new: "The council looked at how the contract was awarded. The mayor declined to comment. "
                + "Engineers expect the work to take a year. The contractor has not replied. "
                + "That review came before seven members voted on the bridge repairs in March.")
        expectInvariants(diff)
        let pieces = diff.operations.filter { $0.piece != nil }
        #expect(pieces.map(\.kind) == [.split, .split])
        #expect(pieces.map(\.old) == [0..<1, 0..<1] && pieces.map(\.new) == [0..<1, 4..<5])
        #expect(pieces.map { $0.piece?.index } == [0, 1] && pieces.allSatisfy { $0.piece?.count == 2 })
        // The figure went to the other piece: nothing was removed or added.
        #expect(!pieces.contains { $0.tags.contains(.numberChanged) })
        #expect(diff.count(of: .split) == 1 && diff.count(of: .added) == 0 && diff.count(of: .unchanged) == 3)
        #expect(abs(diff.sentenceShares.values.reduce(0, +) - 1) < 1e-9)
    }

    @Test func twoSentencesFarApartMergedAreOneMerge() throws {
        let diff = VersionDiff(
            old: "Rescuers reached the village on Sunday after a landslide cut the road. The mayor declined to comment. "
                + "Engineers expect the work to take a year. Forty families were moved to a school in the valley.",
            new: "Rescuers reached the village on Sunday, after a landslide cut the road, and moved forty families to a school in the valley. "
                + "The mayor declined to comment. Engineers expect the work to take a year.")
        expectInvariants(diff)
        let pieces = diff.operations.filter { $0.piece != nil }
        #expect(pieces.map(\.kind) == [.merged, .merged])
        #expect(pieces.map(\.old) == [0..<1, 3..<4] && pieces.map(\.new) == [0..<1, 0..<1])
        #expect(diff.count(of: .merged) == 1 && diff.count(of: .deleted) == 0)
        #expect(!pieces.contains { $0.tags.contains(.numberChanged) })
    }

    @Test func anAddedSentenceThatRepeatsAFewWordsIsNoPiece() {
        let diff = VersionDiff(
            old: "The council reviewed how the bridge repair contract was awarded. The mayor declined to comment.",
            new: "The council reviewed how the bridge repair contract was awarded on Monday. The mayor declined to comment. "
                + "The council meets again on Friday.")
        expectInvariants(diff)
        #expect(diff.operations.allSatisfy { $0.piece == nil })
        #expect(diff.operations.map(\.kind) == [.edited, .unchanged, .added])
    }

    /// Eight paragraphs of two sentences each, every one different.
    static let story = (1...8).map {
        "Paragraph \($0) tells of event number \($0) in the harbor city. Witnesses to event \($0) described ferry \($0) in detail."
    }

    static func moves(_ order: [Int]) -> (moved: [Int], diff: VersionDiff) {
        let diff = VersionDiff(old: story.joined(separator: "\n\n"), new: order.map { story[$0] }.joined(separator: "\n\n"))
        // The old paragraphs whose sentences are marked moved.
        let moved = Set(diff.operations.filter { $0.kind == .moved }.map { $0.old.lowerBound / 2 })
        return (moved.sorted(), diff)
    }

    @Test(arguments: [
        // A block of three paragraphs reversed: all three moved, as a reader says, though keeping
        // the middle one in place would cross fewer matches.
        ([0, 1, 4, 3, 2, 5, 6, 7], [2, 3, 4]),
        ([3, 2, 1, 0, 4, 5, 6, 7], [0, 1, 2, 3]),
        // One paragraph moved: only it, wherever it goes.
        ([1, 2, 3, 4, 5, 6, 7, 0], [0]),
        ([7, 0, 1, 2, 3, 4, 5, 6], [7]),
        ([0, 5, 1, 2, 3, 4, 6, 7], [5]),
        // A block rotated: the shorter part moved, the rest kept its neighbours.
        ([0, 2, 3, 1, 4, 5, 6, 7], [1]),
        // Two neighbours swapped: both moved, though one move would cross every other match.
        ([0, 1, 3, 2, 4, 5, 6, 7], [2, 3]),
        ([1, 0, 2, 3, 4, 5, 6, 7], [0, 1]),
    ])
    func movedParagraphsAreTheOnesAReaderSeesMoved(order: [Int], expected: [Int]) {
        let (moved, diff) = Self.moves(order)
        expectInvariants(diff)
        #expect(moved == expected)
        #expect(diff.count(of: .added) == 0 && diff.count(of: .deleted) == 0 && diff.count(of: .edited) == 0)
        #expect(diff.count(of: .moved) == 2 * expected.count)
    }

    @Test func additionsAndDeletionsDoNotMatchUnrelatedSentences() {
        let diff = VersionDiff(
            old: "The mayor opened the bridge. Traffic resumed at noon.",
            new: "The mayor opened the bridge. A storm is expected on the coast tonight. Traffic resumed at noon.")
        #expect(diff.operations.map(\.kind) == [.unchanged, .added, .unchanged])
    }

    @Test func jaccardIsPartialAndSentenceSharesSumToOne() {
        let diff = VersionDiff(old: "Alpha beta gamma delta epsilon zeta. Eta theta iota kappa lambda.",
                               new: "Alpha beta gamma delta epsilon zeta. Mu nu xi omicron pi.")
        #expect(diff.overlap.jaccard > 0 && diff.overlap.jaccard < 1)
        let shares = diff.sentenceShares
        #expect(abs(shares.values.reduce(0, +) - 1) < 1e-9)
        #expect(shares[.unchanged] == 0.5)
    }

    @Test func textsWithoutSpacesDiffByCharacter() throws {
        let diff = VersionDiff(old: "東京で会議が開かれた。参加者は百人だった。", new: "東京で会議が開かれた。参加者は二百人だった。")
        expectInvariants(diff)
        let edited = try #require(diff.operations.first { $0.kind == .edited })
        let inserted = edited.words.filter { $0.kind != .equal }.flatMap { $0.new }.map { diff.new.string(of: diff.new.tokens[$0]) }
        #expect(inserted == ["二"])
    }

    @Test func longSingleLineDoesNotBlowUp() {
        var mutator = TextMutator(seed: 7)
        let words = mutator.randomText(paragraphs: 400).replacingOccurrences(of: ".", with: "").replacingOccurrences(of: "\n", with: " ")
        let old = String(repeating: words + " ", count: 4)
        var new = old
        new.insert(contentsOf: " inserted words here ", at: new.index(new.startIndex, offsetBy: old.count / 2))
        let diff = VersionDiff(old: old, new: new)
        expectInvariants(diff)
        #expect(diff.old.sentences.count == 1)
    }

    @Test func repeatedTextWithoutUniqueSentencesStillAligns() throws {
        let story = try Fixtures.example(version: 1).replacingOccurrences(of: "\n\n", with: " ")
        let old = Array(repeating: story, count: 60).joined(separator: "\n\n")
        var copies = Array(repeating: story, count: 60)
        copies[10] = copies[10].replacingOccurrences(of: "$3.5 million", with: "$4.2 million")
        copies[45] = copies[45].replacingOccurrences(of: " Tuesday", with: "")
        let diff = VersionDiff(old: old, new: copies.joined(separator: "\n\n"))
        expectInvariants(diff)
        #expect(diff.count(of: .edited) == 3)  // one figure, two dropped "Tuesday"
        #expect(diff.count(of: .added) == 0 && diff.count(of: .deleted) == 0)
    }

    @Test func manyUnchangedSentencesStayNearLinear() {
        let sentences = (0..<20_000).map { "Sentence number \($0) reports figure \($0 * 7) from the harbor." }
        var changed = sentences
        for index in stride(from: 0, to: changed.count, by: 100) { changed[index] = "An entirely new line \(index) appears here today." }
        let diff = VersionDiff(old: sentences.joined(separator: " "), new: changed.joined(separator: " "))
        #expect(diff.count(of: .unchanged) == 19_800)
        #expect(diff.editScript().apply(to: diff.old.bytes) == diff.new.bytes)
    }
}
