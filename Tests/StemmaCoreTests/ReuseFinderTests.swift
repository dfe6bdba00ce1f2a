import StemmaCore
import StemmaTestSupport
import Testing

@Suite struct ReuseFinderTests {
    func find(_ texts: [String], minimumWords: Int = 40) throws -> ReuseResult {
        ReuseFinder(parameters: try ReuseParameters(minimumWords: minimumWords)).passages(in: texts.map { Array($0.utf8) })
    }

    /// Issue 5's acceptance: passages of 50–2,000 words under substitutions, OCR errors and
    /// deletions, some in swapped order, inside unrelated text.
    @Test(arguments: 0..<2) func plantedPassagesAreFoundWithTheirBoundaries(seed: Int) throws {
        var generator = ReuseCorpusGenerator(seed: UInt64(seed))
        let corpus = generator.corpus(documents: 24, passages: 16)
        let score = ReuseEvaluation(corpus: corpus, passages: try find(corpus.documents.map(\.text)).passages)
        #expect(score.planted >= 20)
        #expect(score.recall >= 0.95, "found \(score.found) of \(score.planted)")
        #expect(score.medianBoundaryError <= 5, "boundary errors \(score.boundaryErrors.sorted())")
        #expect(score.falsePassages == 0)
        #expect(score.strayPassages == 0)
    }

    @Test func boilerplateShorterThanAPassageIsNotReported() throws {
        var generator = ReuseCorpusGenerator(seed: 7)
        generator.footers = true
        generator.paragraphs = 4...8
        generator.passageWords = 50...300
        let corpus = generator.corpus(documents: 30, passages: 6)
        let result = try find(corpus.documents.map(\.text))
        let score = ReuseEvaluation(corpus: corpus, passages: result.passages)
        // The shared footer makes every pair a candidate; none of them is a passage.
        #expect(result.candidatePairs == 30 * 29 / 2)
        #expect(score.falsePassages == 0 && score.strayPassages == 0)
        #expect(score.recall >= 0.95)
    }

    @Test func aShortPassageInALongArticleIsFoundWithItsExactBounds() throws {
        var generator = ReuseCorpusGenerator(seed: 11)
        let shared = generator.makePassage(paragraphs: 3)
        let article = (0..<40).map { _ in generator.makeParagraph() }
        let source = (0..<6).map { _ in generator.makeParagraph() }
        let longText = (article[..<25] + shared + article[25...]).joined(separator: "\n\n")
        let sourceText = (source[..<3] + shared + source[3...]).joined(separator: "\n\n")
        let overlap = ShingleOverlap(old: Shingles.hashes(of: Tokenizer.tokens(in: longText), count: 5),
                                     new: Shingles.hashes(of: Tokenizer.tokens(in: sourceText), count: 5))
        #expect(overlap.jaccard < 0.1)
        let passages = try find([longText, sourceText]).passages
        let passage = try #require(passages.first)
        #expect(passages.count == 1)
        let sharedText = shared.joined(separator: "\n\n")
        let inLong = try #require(longText.utf8.firstRange(of: sharedText.utf8))
        let inSource = try #require(sourceText.utf8.firstRange(of: sharedText.utf8))
        #expect(Self.offsets(inLong, longText) == passage.bytesA)
        #expect(Self.offsets(inSource, sourceText) == passage.bytesB)
    }

    static func offsets(_ range: Range<String.UTF8View.Index>, _ text: String) -> Range<Int> {
        text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)..<text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
    }

    @Test func passagesInSwappedOrderAreBothFound() throws {
        var generator = ReuseCorpusGenerator(seed: 3)
        let first = generator.makePassage(paragraphs: 2), second = generator.makePassage(paragraphs: 2)
        let filler = (0..<8).map { _ in generator.makeParagraph() }
        let a = ([filler[0]] + first + [filler[1]] + second + [filler[2]]).joined(separator: "\n\n")
        let b = ([filler[3]] + second + [filler[4], filler[5]] + first + [filler[6]]).joined(separator: "\n\n")
        let passages = try find([a, b]).passages
        #expect(passages.count == 2)
        let texts = passages.map { String(decoding: Array(a.utf8)[$0.bytesA], as: UTF8.self) }
        #expect(texts.contains(first.joined(separator: "\n\n")))
        #expect(texts.contains(second.joined(separator: "\n\n")))
    }

    @Test func unrelatedDocumentsShareNothing() throws {
        var generator = ReuseCorpusGenerator(seed: 5)
        let corpus = generator.corpus(documents: 20, passages: 0)
        #expect(try find(corpus.documents.map(\.text), minimumWords: 10).passages.isEmpty)
    }

    @Test func aDroppedSentenceDoesNotSplitAPassage() throws {
        var generator = ReuseCorpusGenerator(seed: 9)
        let paragraphs = generator.makePassage(paragraphs: 4)
        var edited = paragraphs
        edited[2] = ""  // a whole paragraph (a sentence or more) dropped from the copy
        let a = ([generator.makeParagraph()] + paragraphs + [generator.makeParagraph()]).joined(separator: "\n\n")
        let b = ([generator.makeParagraph()] + edited.filter { !$0.isEmpty } + [generator.makeParagraph()]).joined(separator: "\n\n")
        let passages = try find([a, b]).passages
        #expect(passages.count == 1)
        #expect(passages.first?.alignment.counts.gaps ?? 0 >= Tokenizer.tokens(in: paragraphs[2]).filter(\.isWordLike).count)
    }

    @Test func badParametersAreRejected() {
        #expect(throws: ReuseError.self) { try ReuseParameters(ngram: 1) }
        #expect(throws: ReuseError.self) { try ReuseParameters(maximumDocumentFrequency: 1) }
        #expect(throws: ReuseError.self) { try ReuseParameters(minimumWords: 0) }
    }
}
