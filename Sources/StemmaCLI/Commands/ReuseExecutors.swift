import ArgumentParser
import StemmaCore
import StemmaIO

/// `stemma ngrams INPUT…`: each document's word n-gram hashes, one JSON line per document.
struct Ngrams: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write each document's word n-gram hashes, one per word position, as one JSON line.",
        discussion: """
        Reads any input `stemma reuse` reads and writes {"id", "line", "date", "words", "ngrams"} \
        per document: the hash of the --ngram words starting at each word, as `reuse` indexes \
        them (signed 64-bit integers), with the text as read under --with-text. This is the \
        executor side of the reuse job on Spark (see Docs/spark.md). Exit status: 0 when every \
        record was read, 1 when bad records were skipped, 2 on error.
        """
    )

    @Argument(help: "Directories, .jsonl, .csv or text files (optionally .gz), or - for standard input.", completion: .file())
    var inputs: [String]

    @Option(help: "Words per n-gram.")
    var ngram = 5

    @Flag(help: "Also write each document's text, as read.")
    var withText = false

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
        let stream: NgramStream
        do {
            var corpus = input.corpus
            corpus.datesFromText = dateMarkers
            stream = try NgramStream(inputs: inputs, corpus: corpus, ngram: ngram, threads: threading.count, includesText: withText)
        } catch {
            throw ValidationError("\(error)")
        }
        let destination = try output.open()
        let skipped = try stream.run(report: input.report) { try destination.write($0) }
        try destination.finish()
        if skipped > 0 { throw ExitCode(1) }
    }
}

/// `stemma align -`: the passages of candidate pairs given with their texts and shared n-grams.
struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Align candidate pairs given with both texts and their shared n-gram positions into passages.",
        discussion: """
        Reads {"a", "b", "idA", "idB", "dateA", "dateB", "textA", "textB", "anchors", "frequencies"} \
        lines and writes one line per passage of at least --min-words words, its "passage" member the \
        record `stemma reuse --format jsonl` writes. With "frequencies" (the number of documents \
        holding each anchor's n-gram), passages of formula wording are left out as `stemma reuse` \
        leaves them out. This is the executor side of the reuse job on Spark \
        (see Docs/spark.md). Exit status: 0 when every line was read, 1 when bad lines were skipped, \
        2 on error.
        """
    )

    @Argument(help: "A file of pair lines, or - for standard input.", completion: .file())
    var input = "-"

    @Option(help: ArgumentHelp("Report passages of at least this many words on both sides.", valueName: "count"))
    var minWords = 12

    @Option(help: ArgumentHelp("Shared n-grams farther apart than this many words start a new chain.", valueName: "words"))
    var maxGap = 50

    @Option(name: .customLong("formula-df"), help: ArgumentHelp(
        "Given frequencies, a passage whose shared n-grams are in this many documents on average is formula wording.",
        valueName: "documents"))
    var formulaDF = 20

    @Flag(help: "Leave the aligned text out of the passage records.")
    var noAlignment = false

    @OptionGroup var threading: ThreadOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let parameters: ReuseParameters
        do {
            parameters = try ReuseParameters(minimumWords: minWords, maximumGap: maxGap, formulaFrequency: formulaDF, threads: threading.count)
        } catch {
            throw ValidationError("\(error)")
        }
        try runExecutor(output) { report, write in
            try PairAlignment(parameters: parameters, alignment: !noAlignment).run(input: input, report: report, write: write)
        }
    }
}

/// `stemma cluster -`: the clusters of aligned passages, as `stemma reuse` writes them.
struct Cluster: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Group aligned passages into the clusters `stemma reuse` reports.",
        discussion: """
        Reads the passage lines `stemma align` writes, in the order of the passage list (by a, b, \
        then index), and writes the cluster records of `stemma reuse --format jsonl`. The reuse job \
        on Spark runs it once, on the driver (see Docs/spark.md).
        """
    )

    @Argument(help: "A file of passage lines, or - for standard input.", completion: .file())
    var input = "-"

    @OptionGroup var output: OutputOptions

    func run() throws {
        try runExecutor(output) { report, write in
            try PassageClustering().run(input: input, report: report, write: write)
        }
    }
}

/// Runs an executor that reads lines: bad lines are reported and counted, and make exit status 1.
func runExecutor(_ output: OutputOptions,
                 _ body: (_ report: (CorpusIssue) throws -> Void, _ write: ([UInt8]) throws -> Void) throws -> Int) throws {
    let destination = try output.open()
    var skipped = 0
    _ = try body({ issue in
        if issue.isSkipped { skipped += 1 }
        Console.warnPlain("stemma: \(issue)")
    }) { try destination.write($0) }
    try destination.finish()
    if skipped > 0 { throw ExitCode(1) }
}
