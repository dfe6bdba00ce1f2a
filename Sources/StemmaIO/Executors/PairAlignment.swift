public import StemmaCore

/// `stemma align`: the passages of candidate pairs found elsewhere (the second stage of reuse on
/// Spark), each pair given with both texts and the word positions of the n-grams they share.
///
/// Reads `{"a": 3, "b": 8, "idA": "…", "idB": "…", "dateA": "…", "dateB": "…", "textA": "…",
/// "textB": "…", "anchors": [[12, 40], …], "frequencies": [3, …]}` lines (`a`, `b` are any
/// integers that order the documents as the corpus does; dates are optional; `frequencies`, also
/// optional, gives the number of documents holding each anchor's n-gram, and with it passages of
/// formula wording are judged and left out as `stemma reuse` leaves them out) and writes one line
/// per passage:
/// `{"a", "b", "index", "idA", "idB", "dateA", "dateB", "bytesA", "bytesB", "wordsA", "wordsB",
/// "passage"}`, where `passage` is the record `stemma reuse --format jsonl` writes and `index`
/// its place among the pair's passages. ``PassageClustering`` groups them into clusters.
public struct PairAlignment: Sendable {
    public let parameters: ReuseParameters
    public let alignment: Bool
    public let maximumLineBytes: Int

    public init(parameters: ReuseParameters, alignment: Bool, maximumLineBytes: Int = CorpusOptions.defaultMaxRecordBytes) {
        self.parameters = parameters
        self.alignment = alignment
        self.maximumLineBytes = maximumLineBytes
    }

    struct Pair {
        var a: Int, b: Int
        var ids: [String], dates: [String?]
        var texts: [[UInt8]]
        var anchors: [(Int, Int)]
        /// The document frequency of each anchor's n-gram, in the order of `anchors`.
        var frequencies: [Int]?
    }

    /// Aligns every pair of `input`; returns the number of passages written.
    public func run(input: String, report: (CorpusIssue) throws -> Void, write: ([UInt8]) throws -> Void) throws -> Int {
        var chunk: [Pair] = []
        var written = 0
        func drain() throws {
            let perPair = ParallelMap.map(chunk, minimumCount: 4, threads: parameters.threads) { self.lines(of: $0) }
            for output in perPair where !output.isEmpty {
                written += output.count
                try write(output.flatMap { $0 })
            }
            chunk.removeAll(keepingCapacity: true)
        }
        try ExecutorInput(path: input, maximumLineBytes: maximumLineBytes).forEach(report: report) { line in
            chunk.append(try Self.pair(line))
            if chunk.count == 256 { try drain() }
        }
        if !chunk.isEmpty { try drain() }
        return written
    }

    static func pair(_ line: ExecutorInput.Line) throws(ExecutorInput.Problem) -> Pair {
        guard let a = line.integer("a"), let b = line.integer("b") else { throw .init(reason: "a pair needs integer members \"a\" and \"b\"") }
        guard let idA = line.string("idA"), let idB = line.string("idB"), let textA = line.string("textA"), let textB = line.string("textB") else {
            throw .init(reason: "a pair needs string members \"idA\", \"idB\", \"textA\" and \"textB\"")
        }
        guard PairVerification.isValidUTF8(textA), PairVerification.isValidUTF8(textB) else { throw .init(reason: "a text is not valid UTF-8") }
        guard let numbers = line.integers("anchors"), numbers.count % 2 == 0, numbers.allSatisfy({ $0 >= 0 }) else {
            throw .init(reason: "\"anchors\" must be an array of [word in a, word in b] pairs")
        }
        let frequencies = line.integers("frequencies")
        if let member = line.value("frequencies"), member != .raw(Array("null".utf8)) {
            guard let frequencies, frequencies.count * 2 == numbers.count, frequencies.allSatisfy({ $0 >= 0 }) else {
                throw .init(reason: "\"frequencies\" must be an array of one count per anchor")
            }
        }
        // Sorted with their frequencies, which follow the anchors' given order.
        let order = (0..<numbers.count / 2).sorted { (numbers[2 * $0], numbers[2 * $0 + 1]) < (numbers[2 * $1], numbers[2 * $1 + 1]) }
        let anchors = order.map { (numbers[2 * $0], numbers[2 * $0 + 1]) }
        let dates = [line.string("dateA"), line.string("dateB")].map { $0.map { String(decoding: $0, as: UTF8.self) } }
        return Pair(a: a, b: b, ids: [String(decoding: idA, as: UTF8.self), String(decoding: idB, as: UTF8.self)],
                    dates: dates, texts: [textA, textB], anchors: anchors, frequencies: frequencies.map { counts in order.map { counts[$0] } })
    }

    func lines(of pair: Pair) -> [[UInt8]] {
        let textA = ReuseText(bytes: pair.texts[0]), textB = ReuseText(bytes: pair.texts[1])
        // Anchors past a text's last n-gram would index outside it: such a line is not this text's.
        let words = (textA.words.count, textB.words.count)
        let kept = pair.anchors.indices.filter { pair.anchors[$0].0 < words.0 && pair.anchors[$0].1 < words.1 }
        let anchors = kept.map { pair.anchors[$0] }
        let frequencies = pair.frequencies.map { counts in kept.map { counts[$0] } }
        let passages = ReuseFinder(parameters: parameters).passages(textA, textB, documents: (0, 1), anchors: anchors, frequencies: frequencies)
            .filter { !$0.isFormula }
        guard !passages.isEmpty else { return [] }
        let report = ReuseReport(ids: pair.ids, dates: pair.dates, texts: pair.texts,
                                 result: ReuseResult(passages: passages, candidatePairs: 1, anchors: anchors.count, words: 0),
                                 parameters: parameters, seconds: 0)
        return passages.enumerated().map { index, passage in
            var members: [(String, JSONValue)] = [("a", .int(pair.a)), ("b", .int(pair.b)), ("index", .int(index)),
                                                  ("idA", .string(pair.ids[0])), ("idB", .string(pair.ids[1]))]
            if let date = pair.dates[0] { members.append(("dateA", .string(date))) }
            if let date = pair.dates[1] { members.append(("dateB", .string(date))) }
            members += [
                ("bytesA", .range([passage.bytesA.lowerBound, passage.bytesA.upperBound])),
                ("bytesB", .range([passage.bytesB.lowerBound, passage.bytesB.upperBound])),
                ("wordsA", .range([passage.wordsA.lowerBound, passage.wordsA.upperBound])),
                ("wordsB", .range([passage.wordsB.lowerBound, passage.wordsB.upperBound])),
                ("passage", report.passageJSON(passage, alignment: alignment)),
            ]
            return JSONValue.object(members).utf8(pretty: false) + [0x0A]
        }
    }
}

/// `stemma cluster`: the clusters of passages aligned elsewhere, as `stemma reuse` groups them.
///
/// Reads the lines ``PairAlignment`` writes (the `passage` member may be left out), in the order
/// of the passages' list (by `a`, then `b`, then `index`), and writes the cluster records of
/// `stemma reuse --format jsonl`, whose `passages` count in that order.
public struct PassageClustering: Sendable {
    public let maximumLineBytes: Int

    public init(maximumLineBytes: Int = CorpusOptions.defaultMaxRecordBytes) {
        self.maximumLineBytes = maximumLineBytes
    }

    public func run(input: String, report: (CorpusIssue) throws -> Void, write: ([UInt8]) throws -> Void) throws -> Int {
        var spans: [(a: Int, b: Int, bytesA: Range<Int>, bytesB: Range<Int>, wordsA: Range<Int>, wordsB: Range<Int>)] = []
        var documents: [Int: (id: String, date: String?)] = [:]
        try ExecutorInput(path: input, maximumLineBytes: maximumLineBytes).forEach(report: report) { line in
            guard let a = line.integer("a"), let b = line.integer("b"), let idA = line.string("idA"), let idB = line.string("idB"),
                  let bytesA = line.range("bytesA"), let bytesB = line.range("bytesB"),
                  let wordsA = line.range("wordsA"), let wordsB = line.range("wordsB")
            else { throw ExecutorInput.Problem(reason: "a passage needs \"a\", \"b\", \"idA\", \"idB\", \"bytesA\", \"bytesB\", \"wordsA\" and \"wordsB\"") }
            documents[a] = (String(decoding: idA, as: UTF8.self), line.string("dateA").map { String(decoding: $0, as: UTF8.self) })
            documents[b] = (String(decoding: idB, as: UTF8.self), line.string("dateB").map { String(decoding: $0, as: UTF8.self) })
            spans.append((a, b, bytesA, bytesB, wordsA, wordsB))
        }
        // Documents by their order in the corpus, as `stemma reuse` numbers them.
        let order = documents.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let passages = spans.map { span in
            ReusePassage(a: index[span.a] ?? 0, b: index[span.b] ?? 0, bytesA: span.bytesA, bytesB: span.bytesB,
                         alignment: WordAlignment(wordsA: span.wordsA, wordsB: span.wordsB, score: 0, steps: []))
        }
        let report = ReuseReport(ids: order.map { documents[$0]?.id ?? "" }, dates: order.map { documents[$0]?.date ?? nil },
                                 texts: order.map { _ in [] }, result: ReuseResult(passages: passages, candidatePairs: 0, anchors: 0, words: 0),
                                 parameters: try ReuseParameters(), seconds: 0)
        var output: [UInt8] = []
        for cluster in report.clusters {
            output += report.clusterJSON(cluster).utf8(pretty: false)
            output.append(0x0A)
        }
        try write(output)
        return report.clusters.count
    }
}
