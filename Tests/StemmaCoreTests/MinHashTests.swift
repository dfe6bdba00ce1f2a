@testable import StemmaCore
import StemmaTestSupport
import Testing

@Suite struct MinHashTests {
    /// Two random sets with a chosen overlap, as 64-bit hashes.
    func sets(seed: Int, shared: Int, onlyA: Int, onlyB: Int) -> ([UInt64], [UInt64]) {
        var rng = SplitMix64(seed: UInt64(seed))
        let common = (0..<shared).map { _ in rng.next() }
        return (common + (0..<onlyA).map { _ in rng.next() }, common + (0..<onlyB).map { _ in rng.next() })
    }

    /// The estimate tracks the exact Jaccard similarity within four standard errors.
    @Test(arguments: 0..<60) func estimateTracksExactJaccard(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &+ 1_000)
        let shared = Int.random(in: 20...800, using: &rng)
        let (a, b) = sets(seed: seed, shared: shared, onlyA: Int.random(in: 0...800, using: &rng), onlyB: Int.random(in: 0...800, using: &rng))
        let exact = Double(shared) / Double(a.count + b.count - shared)
        let hasher = try MinHasher(permutations: 256)
        let estimate = MinHasher.estimatedJaccard(hasher.signature(of: a), hasher.signature(of: b))
        let standardError = (exact * (1 - exact) / 256).squareRoot()
        #expect(abs(estimate - exact) <= 4 * standardError + 1e-9, "exact \(exact), estimate \(estimate)")
    }

    /// Across many pairs the estimate is unbiased: the mean error is near zero.
    @Test func estimateIsUnbiased() throws {
        let hasher = try MinHasher(permutations: 128)
        var totalError = 0.0
        for seed in 0..<400 {
            let (a, b) = sets(seed: seed, shared: 300, onlyA: 150, onlyB: 150)
            totalError += MinHasher.estimatedJaccard(hasher.signature(of: a), hasher.signature(of: b)) - 0.5
        }
        #expect(abs(totalError / 400) < 0.01)
    }

    @Test func signaturesAreDeterministicAndIgnoreOrderAndRepeats() throws {
        let (a, _) = sets(seed: 1, shared: 100, onlyA: 50, onlyB: 0)
        let hasher = try MinHasher(permutations: 64, seed: 7)
        let again = try MinHasher(permutations: 64, seed: 7)
        #expect(hasher.signature(of: a) == again.signature(of: a.reversed() + a))
        #expect(hasher.signature(of: a) != (try MinHasher(permutations: 64, seed: 8)).signature(of: a))
        #expect(hasher.signature(of: []) == [UInt32](repeating: .max, count: 64))
    }

    /// Pinned values: a change to the hash family or seeding would silently invalidate stored
    /// signatures, so it must show up here.
    @Test func sketchesIgnoreCaseAndPunctuation() throws {
        let sketch = try DocumentSketcher(shingleSize: 5, permutations: 16).sketch("The council voted on Tuesday to close the harbor bridge for repairs.")
        #expect(sketch.shingles == 8)
        #expect(sketch.signature.count == 16)
        let again = try DocumentSketcher(shingleSize: 5, permutations: 16).sketch("the COUNCIL voted on Tuesday to close the harbor bridge for repairs!")
        #expect(again.signature == sketch.signature)
    }

    /// The AVX2 kernel (when the CPU has AVX2) and the portable Swift SIMD path agree exactly.
    @Test(arguments: [16, 48, 128, 144]) func avx2AndPortableKernelsGiveTheSameSignature(permutations: Int) throws {
        let hasher = try MinHasher(permutations: permutations, seed: 3)
        for seed in 0..<20 {
            let (shingles, _) = sets(seed: seed, shared: seed * 37, onlyA: seed % 3, onlyB: 0)
            var portable = [UInt32](repeating: 0, count: permutations)
            shingles.withUnsafeBufferPointer { input in
                portable.withUnsafeMutableBufferPointer { hasher.fillPortably($0, from: input) }
            }
            #expect(hasher.signature(of: shingles) == portable)
        }
    }

    @Test(arguments: [0, 15, 17, 5_000]) func badPermutationCountsAreRejected(count: Int) {
        #expect(throws: SketchError.invalidPermutations(count)) { try MinHasher(permutations: count) }
    }

    @Test func shingleStreamMatchesTokenShingles() throws {
        let edgeCases = "Mr. Putin, U.S. officials, 2,870 and 2.5 (AP); R. Sands said: “Quote.” at 9 a.m. Then U.S.-led talks, 1,000. End"
        for text in [try Fixtures.oldSeed(), "Short text.", "", "東京で会議が開かれた。", "one two three four five six", edgeCases] {
            var streamed: [UInt64] = []
            var copy = text
            let words = copy.withUTF8 { Shingles.appendHashes(inUTF8: $0, count: 5, to: &streamed) }
            var sorted = streamed
            sorted.sort()
            #expect(sorted.uniqued() == Shingles.hashes(of: Tokenizer.tokens(in: text), count: 5))
            #expect(words == Tokenizer.tokens(in: text).filter(\.isWordLike).count)
        }
    }

    /// The streamed shingles agree with the tokenizer's on random text built to cross the
    /// eight-byte steps of the plain-word fast path: words of 1 to 20 letters and digits in mixed
    /// case, at every alignment, ended by every kind of stop (spaces, marks that join, marks that
    /// do not, non-ASCII letters and punctuation, the end of the text).
    @Test(arguments: 0..<200) func shingleStreamMatchesTokenShinglesOnRandomText(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let stops = [" ", "  ", ", ", ". ", ".", ",", "-", "'", "\n", "\t", "\r\n", "\"", "(", ")", ";", ":", "!", "?",
                     "’", "—", "é", " é ", "ß", "\u{301}", "/", "_", "#", " 中 ", "..."]
        var text = ""
        for _ in 0..<Int(rng.next() % 60) {
            let length = 1 + Int(rng.next() % 20)
            text += String((0..<length).map { _ in letters[Int(rng.next() % UInt64(letters.count))] })
            if rng.next() % 10 != 0 { text += stops[Int(rng.next() % UInt64(stops.count))] }
        }
        var streamed: [UInt64] = []
        var copy = text
        let words = copy.withUTF8 { Shingles.appendHashes(inUTF8: $0, count: 5, to: &streamed) }
        var sorted = streamed
        sorted.sort()
        #expect(sorted.uniqued() == Shingles.hashes(of: Tokenizer.tokens(in: text), count: 5), "text: \(text.debugDescription)")
        #expect(words == Tokenizer.tokens(in: text).filter(\.isWordLike).count)
    }
}

@Suite struct LSHTests {
    /// Under equal weights, bands and rows agree with datasketch's `_optimal_param` (computed with
    /// scipy's quad).
    @Test(arguments: [(0.5, 25, 5), (0.8, 9, 13), (0.3, 37, 3)])
    func optimalParametersMatchDatasketch(threshold: Double, bands: Int, rows: Int) throws {
        let parameters = try LSHParameters(threshold: threshold, permutations: 128, falsePositiveWeight: 0.5, falseNegativeWeight: 0.5)
        #expect(parameters.bands == bands && parameters.rows == rows)
        #expect(parameters.candidateProbability(similarity: 0.95) > 0.99)
        #expect(parameters.candidateProbability(similarity: 0.1) < 0.05)
    }

    /// The default weighs missed pairs 0.95: 26 × 3 at 0.5, a candidate probability of 0.97 at the
    /// threshold itself.
    @Test func aThresholdOfOneHalfChoosesBandsThatFavourRecall() throws {
        let parameters = try LSHParameters(threshold: 0.5, permutations: 128)
        #expect(parameters.bands == 26 && parameters.rows == 3)
        #expect(parameters.candidateProbability(similarity: 0.5) > 0.96)
        #expect(parameters.candidateProbability(similarity: 0.02) < 1e-3)
    }

    @Test(arguments: [0.0, 1.0, -0.2, 1.5]) func badThresholdsAreRejected(threshold: Double) {
        #expect(throws: SketchError.invalidThreshold(threshold)) { try LSHParameters(threshold: threshold, permutations: 128) }
    }

    @Test func candidatesFindSimilarAndSkipUnrelatedDocuments() throws {
        let sketcher = try DocumentSketcher(permutations: 128)
        var mutator = TextMutator(seed: 3)
        let base = mutator.randomText(paragraphs: 8)
        let texts = [base, mutator.mutate(base, edits: 2), mutator.randomText(paragraphs: 8), mutator.randomText(paragraphs: 8), base]
        var matrix = SignatureMatrix(permutations: 128)
        for text in texts { matrix.append(sketcher.sketch(text).signature) }
        let candidates = CandidatePairs.find(in: matrix, parameters: try LSHParameters(threshold: 0.5, permutations: 128))
        #expect(candidates.contains(DocumentPair(0, 1)))
        #expect(candidates.contains(DocumentPair(0, 4)))
        #expect(!candidates.contains(DocumentPair(0, 2)) && !candidates.contains(DocumentPair(2, 3)))
        #expect(candidates == candidates.sorted { ($0.a, $0.b) < ($1.a, $1.b) })
    }

    @Test func largeBucketsPairWithTheirFirstMember() throws {
        var matrix = SignatureMatrix(permutations: 16)
        for _ in 0..<100 { matrix.append([UInt32](repeating: 7, count: 16)) }
        let pairs = CandidatePairs.find(in: matrix, parameters: try LSHParameters(threshold: 0.5, permutations: 16), maximumBucketSize: 64)
        #expect(pairs.count == 99)
        #expect(pairs.allSatisfy { $0.a == 0 })
    }
}

@Suite struct NearDuplicateTests {
    @Test func unionFindJoinsTransitively() {
        var sets = UnionFind(count: 6)
        sets.union(0, 1)
        sets.union(3, 4)
        sets.union(1, 4)
        let (root0, root3) = (sets.find(0), sets.find(3))
        #expect(root0 == root3)
        let joinedAgain = sets.union(0, 4)
        #expect(!joinedAgain)
        let groups = sets.groups()
        #expect(groups == [[0, 1, 3, 4]])
    }

    @Test func representativeIsEarliestDatedElseLongest() {
        let facts = [DocumentFacts(shingles: 10, bytes: 100, date: "2022-03-03"), DocumentFacts(shingles: 10, bytes: 300),
                     DocumentFacts(shingles: 10, bytes: 200, date: "2022-03-02")]
        #expect(KeepPolicy.earliest.choose(among: [0, 1, 2], facts: facts) == 2)
        #expect(KeepPolicy.longest.choose(among: [0, 1, 2], facts: facts) == 1)
        #expect(KeepPolicy.first.choose(among: [2, 1], facts: facts) == 1)
        let undated = facts.map { DocumentFacts(shingles: $0.shingles, bytes: $0.bytes) }
        #expect(KeepPolicy.earliest.choose(among: [0, 1, 2], facts: undated) == 1)
    }

    @Test func eachStorysVersionsFormOneFamilyAndNothingElseJoins() throws {
        let sketcher = try DocumentSketcher()
        let texts = [try Fixtures.oldSeed(), try Fixtures.newSeed(), try Fixtures.example(version: 1), try Fixtures.example(version: 2), try Fixtures.example(version: 3)]
        var matrix = SignatureMatrix(permutations: 128)
        var facts: [DocumentFacts] = []
        for text in texts {
            let sketch = sketcher.sketch(text)
            matrix.append(sketch.signature)
            facts.append(DocumentFacts(shingles: sketch.shingles, bytes: text.utf8.count))
        }
        let search = try NearDuplicateSearch(threshold: 0.5, permutations: 128)
        let pairs = search.verifiedPairs(search.candidates(in: matrix), matrix: matrix, facts: facts)
        let families = search.families(of: pairs, facts: facts, matrix: matrix)
        #expect(Set(families.map { Set($0.members.map(\.document)) }) == [[0, 1], [2, 3, 4]])
        let seedPair = try #require(pairs.first { $0.a == 0 && $0.b == 1 })
        #expect(abs(seedPair.jaccard - 0.55) < 0.12)  // exact word 5-gram Jaccard is 0.548
    }
}
