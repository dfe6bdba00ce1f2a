@testable import StemmaCore
import StemmaTestSupport
import Testing

/// Issue 17: short notices, formulas, OCR noise at several levels, on newspaper-like planted corpora.
@Suite struct ReuseNewspaperTests {
    static func newspaper(seed: UInt64, documents: Int = 300, noise: NoiseModel = .today) -> PlantedReuseCorpus {
        var generator = ReuseCorpusGenerator(seed: seed)
        generator.paragraphs = 8...20
        generator.noise = noise
        generator.newspaper = NoticePlan(notices: documents / 4, formulas: 2)
        generator.newspaper.formulaUses = 25...40
        return generator.corpus(documents: documents, passages: documents / 40)
    }

    static func find(_ corpus: PlantedReuseCorpus, _ parameters: ReuseParameters) -> ReuseResult {
        ReuseFinder(parameters: parameters).passages(in: corpus.documents.map { Array($0.text.utf8) })
    }

    static func clusters(_ result: ReuseResult, _ corpus: PlantedReuseCorpus) -> ClusterEvaluation {
        let clusters = ReuseCluster.clusters(of: result.passages, dates: corpus.documents.map(\.date))
        return ClusterEvaluation(corpus: corpus, clusters: clusters.map { $0.members.map { ($0.document, $0.bytes) } })
    }

    @Test func shortNoticesAreFoundAtTheDefaults() throws {
        let corpus = Self.newspaper(seed: 1)
        let score = ReuseEvaluation(corpus: corpus, passages: Self.find(corpus, try ReuseParameters()).passages)
        let notices = score.outcomes.filter { $0.kind == .notice && $0.words <= 40 }
        #expect(notices.count >= 50)
        #expect(ReuseEvaluation.recall(notices) >= 0.9, "found \(notices.count { $0.found }) of \(notices.count)")
        #expect(ReuseEvaluation.median(notices.flatMap(\.boundaryErrors)) <= 3)
        #expect(score.falsePassages <= 2)
    }

    @Test func formulaWordingIsReportedApartAndJoinsNoCluster() throws {
        let corpus = Self.newspaper(seed: 2)
        let result = Self.find(corpus, try ReuseParameters())
        let score = ReuseEvaluation(corpus: corpus, passages: result.passages)
        let formulas = ReuseEvaluation(corpus: corpus, passages: result.formulas)
        // Notices on one template share their wording: the search sets those passages apart...
        #expect(result.formulas.count >= 20)
        #expect(formulas.formulaPassages * 10 >= result.formulas.count * 8, "\(formulas.formulaPassages) of \(result.formulas.count) on templates")
        // ...and keeps few of them as reuse, while reprints of a formula notice are still reuse.
        #expect(score.formulaPassages * 10 <= result.formulas.count)
        let reprinted = score.outcomes.filter { if case .formula = $0.kind { true } else { false } }
        #expect(ReuseEvaluation.recall(reprinted) >= 0.8)
        let clustering = Self.clusters(result, corpus)
        #expect(clustering.largest <= 8, "a cluster of \(clustering.largest) documents")
    }

    @Test func withoutTheFormulaRuleTemplatesChainClusters() throws {
        let corpus = Self.newspaper(seed: 2)
        // A frequency no n-gram reaches: nothing is a formula, and the templates' notices chain.
        let result = Self.find(corpus, try ReuseParameters(formulaFrequency: 10_000))
        #expect(result.formulas.isEmpty)
        #expect(Self.clusters(result, corpus).largest >= 15)
    }

    @Test func twiceTheNoiseStillFindsMostNotices() throws {
        let corpus = Self.newspaper(seed: 3, noise: .double)
        let score = ReuseEvaluation(corpus: corpus, passages: Self.find(corpus, try ReuseParameters()).passages)
        let notices = score.outcomes.filter { $0.kind == .notice && $0.words <= 40 }
        #expect(ReuseEvaluation.recall(notices) >= 0.7, "found \(notices.count { $0.found }) of \(notices.count)")
    }

    @Test func heavilyGarbledCopiesAreFoundThroughFoldingAndSharedCopies() throws {
        let corpus = Self.newspaper(seed: 4, noise: .heavy)
        let withShared = ReuseEvaluation(corpus: corpus, passages: Self.find(corpus, try ReuseParameters()).passages)
        let direct = ReuseEvaluation(corpus: corpus, passages: Self.find(corpus, try ReuseParameters(sharedCopies: false)).passages)
        #expect(withShared.recall >= 0.3, "recall \(withShared.recall)")
        #expect(withShared.found > direct.found)
    }

    @Test func ocrConfusionsFoldTogetherAndKeepTheWords() {
        func fold(_ text: String) -> String { String(decoding: Array(text.utf8).withUnsafeBufferPointer { OCRFold.folded($0) }, as: UTF8.self) }
        #expect(fold("modern") == fold("rnodern"))
        #expect(fold("the") == fold("tlie") && fold("the") == fold("tbe"))
        #expect(fold("would") == fold("vvould"))
        #expect(fold("Cold") == fold("Co1d"))
        #expect(fold("1899") == "1899")
        var generator = ReuseCorpusGenerator(seed: 6)
        generator.noise = .heavy
        let corpus = generator.corpus(documents: 30, passages: 10)
        for document in corpus.documents {
            let bytes = Array(document.text.utf8)
            let folded = bytes.withUnsafeBufferPointer { OCRFold.folded($0) }
            let foldedWords = folded.withUnsafeBufferPointer { Tokenizer.tokens(inUTF8: $0) }.count { $0.isWordLike }
            #expect(foldedWords == Tokenizer.tokens(in: document.text).count { $0.isWordLike })
        }
    }

    @Test func bitParallelEditDistanceIsLevenshtein() {
        func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
            var row = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var next = [i + 1]
                for (j, y) in b.enumerated() { next.append(min(row[j] + (x == y ? 0 : 1), row[j + 1] + 1, next[j] + 1)) }
                row = next
            }
            return row[b.count]
        }
        var rng = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let a = (0..<Int.random(in: 0...20, using: &rng)).map { _ in UInt8.random(in: 97...101, using: &rng) }
            let b = (0..<Int.random(in: 0...20, using: &rng)).map { _ in UInt8.random(in: 97...101, using: &rng) }
            let expected = levenshtein(a, b)
            let distance = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in WordSimilarity.editDistance(x, y, atMost: 64) } }
            #expect(distance == expected, "\(a) \(b)")
        }
    }
}
