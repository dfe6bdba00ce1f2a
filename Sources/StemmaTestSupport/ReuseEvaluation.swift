public import StemmaCore

/// Scores reported passages against the passages planted in a corpus.
///
/// A planted pair counts as found when one reported passage between the same two documents covers
/// at least half of it on both sides. For found pairs, each of the four boundaries (start and end in
/// both documents) is off by the number of words between the reported and the planted offset.
/// A reported passage between two documents that share nothing planted is a false pair, unless it
/// lies on two notices written on one template: then it is a formula passage.
public struct ReuseEvaluation: Sendable {
    /// One planted copy pair: its length in words (the shorter copy), its kind, and whether and
    /// how well it was found.
    public struct Outcome: Sendable {
        public var words: Int
        public var kind: PlantedKind
        /// Boundary errors in words, four when found, none when missed.
        public var boundaryErrors: [Int]
        public var found: Bool { !boundaryErrors.isEmpty }
    }

    public var outcomes: [Outcome]
    /// Reported passages between documents with nothing planted in common.
    public var falsePassages: Int
    /// Reported passages between documents that share a planted passage, but matching none of them.
    public var strayPassages: Int
    /// Reported passages that lie on two different notices of one template, matching no reprint.
    public var formulaPassages: Int

    public var planted: Int { outcomes.count }
    public var found: Int { outcomes.count { $0.found } }
    /// Words between reported and planted boundaries, four per found pair.
    public var boundaryErrors: [Int] { outcomes.flatMap(\.boundaryErrors) }
    public var recall: Double { Self.recall(outcomes) }
    public var medianBoundaryError: Double { Self.median(boundaryErrors) }

    public init(corpus: PlantedReuseCorpus, passages: [ReusePassage]) {
        let truth = corpus.sharedPassages
        let texts = corpus.documents.map { ReuseText(bytes: Array($0.text.utf8)) }
        var byPair: [[Int]: [ReusePassage]] = [:]
        for passage in passages { byPair[[passage.a, passage.b], default: []].append(passage) }
        outcomes = []
        var matched = Set<ReusePassage>()
        for shared in truth {
            let a = texts[shared.a], b = texts[shared.b]
            let words = max(Self.words(between: shared.bytesA.lowerBound, shared.bytesA.upperBound, in: a),
                            Self.words(between: shared.bytesB.lowerBound, shared.bytesB.upperBound, in: b))
            var outcome = Outcome(words: words, kind: corpus.kinds[shared.passage], boundaryErrors: [])
            let candidates = byPair[[shared.a, shared.b]] ?? []
            if let best = candidates.max(by: { Self.coverage($0, shared) < Self.coverage($1, shared) }), Self.coverage(best, shared) >= 0.5 {
                matched.insert(best)
                outcome.boundaryErrors = [
                    Self.words(between: best.bytesA.lowerBound, shared.bytesA.lowerBound, in: a),
                    Self.words(between: best.bytesA.upperBound, shared.bytesA.upperBound, in: a),
                    Self.words(between: best.bytesB.lowerBound, shared.bytesB.lowerBound, in: b),
                    Self.words(between: best.bytesB.upperBound, shared.bytesB.upperBound, in: b),
                ]
            }
            outcomes.append(outcome)
        }
        let labels = PlantedLabels(corpus: corpus)
        let plantedPairs = Set(truth.map { [$0.a, $0.b] })
        let unmatched = passages.filter { !matched.contains($0) }
        let onFormulas = unmatched.filter { labels.template(of: $0.a, $0.bytesA) != nil && labels.template(of: $0.a, $0.bytesA) == labels.template(of: $0.b, $0.bytesB) }
        formulaPassages = onFormulas.count
        let others = unmatched.filter { passage in !onFormulas.contains(passage) }
        falsePassages = others.filter { !plantedPairs.contains([$0.a, $0.b]) }.count
        strayPassages = others.filter { plantedPairs.contains([$0.a, $0.b]) }.count
    }

    public static func recall(_ outcomes: [Outcome]) -> Double {
        outcomes.isEmpty ? 1 : Double(outcomes.count { $0.found }) / Double(outcomes.count)
    }

    public static func median(_ values: [Int]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The smaller of the shares of the planted ranges the reported passage covers.
    static func coverage(_ passage: ReusePassage, _ shared: PlantedReuseCorpus.SharedPassage) -> Double {
        min(share(passage.bytesA, of: shared.bytesA), share(passage.bytesB, of: shared.bytesB))
    }

    /// The share of `planted` that `reported` covers.
    static func share(_ reported: Range<Int>, of planted: Range<Int>) -> Double {
        Double(max(0, min(reported.upperBound, planted.upperBound) - max(reported.lowerBound, planted.lowerBound))) / Double(max(1, planted.count))
    }

    /// Words that start between two byte offsets.
    static func words(between x: Int, _ y: Int, in text: ReuseText) -> Int {
        let (low, high) = (min(x, y), max(x, y))
        return text.words.count { $0.range.lowerBound >= low && $0.range.lowerBound < high }
    }
}

/// Which planted item a stretch of a document lies on.
public struct PlantedLabels: Sendable {
    /// Per document, its planted copies as (item, bytes).
    private var spans: [[(item: Int, bytes: Range<Int>)]]
    private let kinds: [PlantedKind]

    public init(corpus: PlantedReuseCorpus) {
        spans = Array(repeating: [], count: corpus.documents.count)
        for (item, copies) in corpus.copies.enumerated() {
            for copy in copies { spans[copy.document].append((item, copy.bytes)) }
        }
        kinds = corpus.kinds
    }

    /// The planted item covering most of `bytes` of `document`, if it covers at least half of it.
    public func item(of document: Int, _ bytes: Range<Int>) -> Int? {
        let best = spans[document].max { ReuseEvaluation.share($0.bytes, of: bytes) < ReuseEvaluation.share($1.bytes, of: bytes) }
        guard let best, ReuseEvaluation.share(best.bytes, of: bytes) >= 0.5 else { return nil }
        return best.item
    }

    /// The template of the formula notice at `bytes`, if the stretch lies on one.
    public func template(of document: Int, _ bytes: Range<Int>) -> Int? {
        guard let item = item(of: document, bytes), case let .formula(template) = kinds[item] else { return nil }
        return template
    }
}

/// Whether reported clusters keep reprints of different items apart.
///
/// A cluster is *mixed* when its copies lie on two or more different planted items: two notices
/// written on one template chained into one cluster through their shared wording, say.
public struct ClusterEvaluation: Sendable {
    public var clusters: Int
    public var mixed: Int
    /// Mixed clusters whose items are all notices on one template: joined by formula text only.
    public var joinedByFormula: Int
    /// Documents in the largest cluster.
    public var largest: Int

    /// - Parameter clusters: each cluster's copies as (document, bytes).
    public init(corpus: PlantedReuseCorpus, clusters: [[(document: Int, bytes: Range<Int>)]]) {
        let labels = PlantedLabels(corpus: corpus)
        self.clusters = clusters.count
        mixed = 0
        joinedByFormula = 0
        largest = 0
        for cluster in clusters {
            largest = max(largest, Set(cluster.map(\.document)).count)
            let items = Set(cluster.compactMap { labels.item(of: $0.document, $0.bytes) })
            guard items.count >= 2 else { continue }
            mixed += 1
            let templates = Set(cluster.map { labels.template(of: $0.document, $0.bytes) })
            if templates.count == 1, templates.first.flatMap({ $0 }) != nil { joinedByFormula += 1 }
        }
    }
}
