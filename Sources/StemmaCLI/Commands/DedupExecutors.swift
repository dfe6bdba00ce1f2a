import ArgumentParser
import StemmaIO

/// `stemma sketch INPUT…`: each document's MinHash signature and LSH band keys, one JSON line per
/// document, for engines that find the pairs themselves (`spark/stemma_spark.py`).
struct Sketch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write each document's MinHash signature and LSH band keys as one JSON line.",
        discussion: """
        Reads any input `stemma dedup` reads and sketches each document as `dedup` does with the \
        same --threshold, --shingle, --permutations, --seed and --min-shingles: \
        {"id", "line", "bytes", "shingles", "date", "signature", "bands"}, the signature as base64 \
        of little-endian 32-bit values, the band keys as 16 hexadecimal digits; a document with \
        fewer shingles than --min-shingles is marked "setAside": true and has neither. This is the \
        executor side of the Spark job (see Docs/spark.md). Exit status: 0 when every record was \
        read, 1 when bad records were skipped (reported on standard error), 2 on error.
        """
    )

    @Argument(help: "Directories, .jsonl, .csv or text files (optionally .gz), or - for standard input.", completion: .file())
    var inputs: [String]

    @OptionGroup var sketching: SketchOptions

    @OptionGroup var threading: ThreadOptions

    @OptionGroup var input: CorpusInputOptions

    @OptionGroup var output: OutputOptions

    @Flag(help: "Date a JSONL record without a date member by a leading `date YYYY-MM-DD` line of its text, as a text file is dated.")
    var dateMarkers = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input can be read only once.") }
    }

    func run() throws {
        var corpus = input.corpus
        corpus.datesFromText = dateMarkers
        let options = sketching.options(threads: threading.count, corpus: corpus)
        _ = try options.validated()
        let destination = try output.open()
        let counts = try SketchStream(inputs: inputs, options: options).run(report: input.report) { try destination.write($0) }
        try destination.finish()
        if global.verbose {
            Console.warnPlain("sketched \(counts.documents) documents (\(counts.setAside) set aside, \(counts.skippedRecords) skipped), \(counts.bytes) bytes")
        }
        if counts.skippedRecords > 0 { throw ExitCode(1) }
    }
}

/// `stemma verify -`: the exact Jaccard and containments of candidate pairs given with their texts.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute the exact shingle Jaccard and containments of candidate pairs given with both texts.",
        discussion: """
        Reads {"a", "b", "textA", "textB"} lines (a and b are passed through) and writes \
        {"a", "b", "jaccard", "containmentAB", "containmentBA", "exact": true} for each pair, \
        the figures `stemma dedup --verify exact` computes with the same --shingle. This is the \
        executor side of the Spark job's exact checks (see Docs/spark.md). Exit status: 0 when every \
        line was read, 1 when bad lines were skipped (reported on standard error), 2 on error.
        """
    )

    @Argument(help: "A file of pair lines, or - for standard input.", completion: .file())
    var input = "-"

    @Option(help: "Words per shingle.")
    var shingle = 5

    @OptionGroup var threading: ThreadOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let verification: PairVerification
        do {
            verification = try PairVerification(shingleSize: shingle, threads: threading.count)
        } catch {
            throw ValidationError("\(error)")
        }
        try runExecutor(output) { report, write in
            try verification.run(input: input, report: report, write: write)
        }
    }
}
