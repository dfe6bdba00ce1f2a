public import StemmaCore

/// `stemma verify`: the exact shingle Jaccard and containments of candidate pairs given with both
/// texts, what `stemma dedup --verify exact` computes, for pairs an engine such as Spark found.
///
/// Reads `{"a": …, "b": …, "textA": "…", "textB": "…"}` lines (`a` and `b` are any JSON values,
/// passed through) and writes `{"a": …, "b": …, "jaccard": …, "containmentAB": …,
/// "containmentBA": …, "exact": true}` for every pair, in input order, whatever its figures: the
/// caller applies its threshold. Pairs are computed on all cores, 2,048 at a time.
public struct PairVerification: Sendable {
    public let shingleSize: Int
    public let threads: Int
    public let maximumLineBytes: Int

    public init(shingleSize: Int, threads: Int, maximumLineBytes: Int = CorpusOptions.defaultMaxRecordBytes) throws {
        guard (1...16).contains(shingleSize) else { throw SketchError.invalidShingleSize(shingleSize) }
        self.shingleSize = shingleSize
        self.threads = threads
        self.maximumLineBytes = maximumLineBytes
    }

    /// Verifies every pair of `input` (a file or `-`); returns the number of pairs written.
    public func run(input: String, report: (CorpusIssue) throws -> Void, write: ([UInt8]) throws -> Void) throws -> Int {
        var chunk: [(a: [UInt8], b: [UInt8], textA: [UInt8], textB: [UInt8])] = []
        var written = 0
        func drain() throws {
            let pairs = ParallelMap.map(chunk, minimumCount: 64, threads: threads) { entry in
                ExactVerifier.exactPair(0, 0, ExactVerifier.shingleSet(entry.textA, size: shingleSize),
                                        ExactVerifier.shingleSet(entry.textB, size: shingleSize))
            }
            var output: [UInt8] = []
            for (entry, pair) in zip(chunk, pairs) {
                output += #"{"a":"#.utf8 + entry.a + #","b":"#.utf8 + entry.b
                for (name, value) in [("jaccard", pair.jaccard), ("containmentAB", pair.containmentAB), ("containmentBA", pair.containmentBA)] {
                    output += #","\#(name)":"#.utf8 + JSONValue.double(value).utf8(pretty: false)
                }
                output += #","exact":true}"#.utf8
                output.append(0x0A)
            }
            written += chunk.count
            chunk.removeAll(keepingCapacity: true)
            try write(output)
        }
        try ExecutorInput(path: input, maximumLineBytes: maximumLineBytes).forEach(report: report) { line in
            guard let a = line.json("a"), let b = line.json("b") else { throw ExecutorInput.Problem(reason: "a pair needs members \"a\" and \"b\"") }
            guard let textA = line.string("textA"), let textB = line.string("textB") else {
                throw ExecutorInput.Problem(reason: "a pair needs string members \"textA\" and \"textB\"")
            }
            // Texts were sketched as valid UTF-8; invalid bytes would shingle differently here.
            guard Self.isValidUTF8(textA), Self.isValidUTF8(textB) else {
                throw ExecutorInput.Problem(reason: "a text is not valid UTF-8")
            }
            chunk.append((a, b, textA, textB))
            if chunk.count == 2_048 { try drain() }
        }
        if !chunk.isEmpty { try drain() }
        return written
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) == nil }
    }
}
