@testable import StemmaCore
import Testing

@Suite struct ReuseClusterTests {
    func passage(_ a: Int, _ wordsA: Range<Int>, _ b: Int, _ wordsB: Range<Int>) -> ReusePassage {
        ReusePassage(a: a, b: b, bytesA: wordsA.lowerBound * 6..<wordsA.upperBound * 6, bytesB: wordsB.lowerBound * 6..<wordsB.upperBound * 6,
                     alignment: WordAlignment(wordsA: wordsA, wordsB: wordsB, score: 4 * wordsA.count, steps: []))
    }

    @Test func overlappingCopiesJoinOneClusterWithTheEarliestSource() {
        // Document 2 quotes 0 and 1 quotes 2: the same passage in three documents, slightly
        // different bounds in document 2; a separate passage between 0 and 3.
        let passages = [passage(0, 100..<200, 2, 10..<110), passage(1, 50..<140, 2, 12..<104), passage(0, 400..<460, 3, 0..<60)]
        let clusters = ReuseCluster.clusters(of: passages, dates: ["2022-03-04", "2022-03-01", nil, nil])
        #expect(clusters.count == 2)
        let big = clusters[0]
        #expect(big.documentCount == 3 && big.passages == [0, 1])
        #expect(big.members.map(\.document) == [0, 1, 2])
        #expect(big.members[2].words == 10..<110)
        #expect(big.members[big.source].document == 1)  // dated earliest
        #expect(clusters[1].members[clusters[1].source].document == 0)  // dated before undated
    }

    @Test func undatedSourceIsTheLongestCopy() {
        let clusters = ReuseCluster.clusters(of: [passage(0, 0..<50, 1, 0..<70)], dates: [nil, nil])
        #expect(clusters.count == 1 && clusters[0].members[clusters[0].source].document == 1)
    }

    @Test func barelyOverlappingCopiesStayApart() {
        let clusters = ReuseCluster.clusters(of: [passage(0, 0..<100, 1, 0..<100), passage(0, 90..<190, 2, 0..<100)], dates: [nil, nil, nil])
        #expect(clusters.count == 2)
    }
}

@Suite struct WordSimilarityTests {
    @Test(arguments: [
        ("which", "wbich", true), ("which", "winch", false), ("people", "pcople", true), ("Government", "Goverment", true),
        ("righteousness", "rigliteousness", true), ("the", "tbe", false), ("many", "rnany", false),
        ("house", "horse", true), ("house", "mouse", true), ("pardon", "garden", false), ("abcdefgh", "hgfedcba", false),
    ])
    func variants(a: String, b: String, expected: Bool) {
        var a = a, b = b
        let result = a.withUTF8 { x in
            b.withUTF8 { y in WordSimilarity.areVariants(x, WordShape(x), y, WordShape(y)) }
        }
        #expect(result == expected)
    }
}

@Suite struct ReuseCandidatesTests {
    func hashes(_ texts: [String]) -> [[UInt64]] {
        texts.map { text in
            var text = text
            return text.withUTF8 { Shingles.hashesByPosition(inUTF8: $0, count: 3) }
        }
    }

    @Test func frequentNGramsAreSkippedAndRarePairsKept() throws {
        let common = "all rights reserved worldwide"
        var texts = (0..<6).map { "story \($0) alpha\($0) beta\($0) gamma\($0) \(common)" }
        texts[1] += " the rare shared phrase of two documents"
        texts[4] += " the rare shared phrase of two documents"
        let parameters = try ReuseParameters(ngram: 3, maximumDocumentFrequency: 5, minimumMatches: 2)
        let candidates = ReuseCandidates(hashes: hashes(texts), parameters: parameters)
        // The footer is in six documents, above the cap; only 1 and 4 share a rare phrase.
        #expect(candidates.pairs.map { [$0.a, $0.b] } == [[1, 4]])
        let anchors = candidates.anchors(of: candidates.pairs[0])
        #expect(anchors.count == 7 && anchors.allSatisfy { $0.0 == $0.1 })
    }

    @Test func nGramsArePositionedByWord() {
        var text = "One, two — three four."
        let hashes = text.withUTF8 { Shingles.hashesByPosition(inUTF8: $0, count: 2) }
        #expect(hashes.count == 3)
        #expect(hashes[0] == Shingles.hashes(of: Tokenizer.tokens(in: "one two"), count: 2)[0])
        var short = "One"
        #expect(short.withUTF8 { Shingles.hashesByPosition(inUTF8: $0, count: 2) }.isEmpty)
    }
}
