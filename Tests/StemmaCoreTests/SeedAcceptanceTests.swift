import StemmaCore
import StemmaTestSupport
import Testing

/// Issue 2, section 5: the diff of the Washington Times page and its republished copy.
@Suite struct SeedAcceptanceTests {
    let diff: VersionDiff

    init() throws {
        diff = VersionDiff(old: AnalyzedText(try Fixtures.oldSeed()), new: AnalyzedText(try Fixtures.newSeed()))
    }

    func oldText(_ operation: DiffOperation) -> String {
        operation.old.map { diff.old.string(of: diff.old.sentences[$0]) }.joined(separator: " ")
    }

    func newTexts(_ operation: DiffOperation) -> [String] {
        operation.new.map { diff.new.string(of: diff.new.sentences[$0]) }
    }

    @Test func headlinesAreAddedAndDateMarkerIsNotGluedToTheLede() throws {
        let headline = "Russia bombards major Ukrainian cities as U.N. condemns Kremlin"
        let headlineOperations = diff.operations.filter { newTexts($0).contains(headline) }
        #expect(headlineOperations.count == 2)
        #expect(headlineOperations.allSatisfy { $0.kind == .added })
        let marker = try #require(diff.operations.first { oldText($0) == "date 2022-03-02" })
        #expect(marker.kind == .deleted)
        #expect(marker.old.count == 1)
        let lede = try #require(diff.operations.first { oldText($0).hasPrefix("Russia and Ukraine on Wednesday agreed") })
        #expect(lede.kind == .edited)
        #expect(!oldText(lede).contains("2022-03-02"))
    }

    @Test(arguments: try Fixtures.arguments([
        "Russian officials signaled that they’ll take a hard line in negotiations, with Foreign Minister Sergey Lavrov again accusing",
        "Their families told the Associated Press they were killed playing soccer near a school in just one example",
        "Pentagon officials told the Reuters news agency the Russian numbers were suspect, but neither side’s claims",
        "Mr. Putin, Mr. Lavrov and other Russian officials so far have remained defiant",
    ], needing: "seeds/republished-copy.txt"))
    func sentencesTheRepublicationSplitsBecomeTwo(oldStart: String) throws {
        let operation = try #require(diff.operations.first { oldText($0).hasPrefix(oldStart) })
        #expect(operation.kind == .split)
        #expect(operation.old.count == 1)
        #expect(operation.new.count == 2)
    }

    @Test func kirbyParagraphsAreAddedWithNothingOfOldMatched() {
        let kirbyParagraphs = Set(diff.new.sentences.filter {
            let text = diff.new.string(of: $0)
            return text.contains("Kirby") || text.contains("Instead, they have been blaming") || text.contains("Foreign Ministry in recent days")
        }.map(\.paragraph))
        #expect(kirbyParagraphs.count == 2)
        let kirbySentences = diff.new.sentences.indices.filter { kirbyParagraphs.contains(diff.new.sentences[$0].paragraph) }
        #expect(kirbySentences.count == 5)
        for index in kirbySentences {
            let operation = diff.operations.first { $0.new.contains(index) }
            #expect(operation?.kind == .added)
            #expect(operation?.old.isEmpty == true)
        }
    }

    @Test func creditsLineIsEditedWithBillGertzInserted() throws {
        let credits = try #require(diff.operations.first { oldText($0).contains("contributed to this report") })
        #expect(credits.kind == .edited)
        let inserted = credits.words.filter { $0.kind == .insert || $0.kind == .replace }
            .map { diff.new.string(diff.new.tokens[$0.new.lowerBound].range.lowerBound..<diff.new.tokens[$0.new.upperBound - 1].range.upperBound) }
            .joined(separator: " ")
        #expect(inserted.contains("Bill Gertz"))
        #expect(credits.tags.contains(.namesAdded))
        #expect(credits.details.namesAdded == ["Bill Gertz"])
    }

    @Test func noNumberChangesAndWednesdayLossIsTagged() {
        #expect(diff.operations.allSatisfy { !$0.tags.contains(.numberChanged) })
        let wednesday = TokenNormalizer.key(of: "Wednesday")
        var lostWednesday = 0
        for operation in diff.operations where operation.kind == .edited || operation.kind == .split || operation.kind == .merged {
            let oldCount = operation.old.flatMap { diff.old.sentences[$0].tokens }.filter { diff.old.tokens[$0].key == wednesday }.count
            let newCount = operation.new.flatMap { diff.new.sentences[$0].tokens }.filter { diff.new.tokens[$0].key == wednesday }.count
            guard newCount < oldCount else { continue }
            lostWednesday += 1
            #expect(operation.tags.contains(.timeWordsRemoved), "\(oldText(operation))")
            #expect(operation.details.timeWordsRemoved.contains("Wednesday"))
        }
        #expect(lostWednesday >= 8)
    }

    @Test func everySentenceOnceAndLosslessRoundTrip() {
        expectInvariants(diff)
        #expect(!diff.isIdentical)
        // Most of the text is copied, not re-inserted: the script is a real diff.
        #expect(diff.editScript().copiedByteCount > diff.new.bytes.count * 3 / 4)
    }
}
