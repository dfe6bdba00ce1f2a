import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO

/// `stemma reuse INPUT…`: the passages that documents of a corpus share.
struct Reuse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the passages that documents of a corpus share, in any order, under edits and OCR noise.",
        discussion: """
        INPUT is a directory of .txt/.md files, a .jsonl or .csv file (optionally .gz), or - for \
        standard input. Documents sharing at least --min-matches rare word n-grams are aligned word \
        by word around the n-grams they share; every passage of at least --min-words words is \
        reported with its byte ranges in both documents, and passages reused across several \
        documents are grouped into clusters whose likely source is the earliest dated copy. \
        Exit status: 0 when every record was read, 1 when bad records were skipped (reported on \
        standard error), 2 on error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, json, html
    }

    @Argument(help: "Directories, .jsonl, .csv or text files (optionally .gz), or - for standard input.", completion: .file())
    var inputs: [String]

    @Option(help: "Words per n-gram in the candidate index.")
    var ngram = 5

    @Option(help: ArgumentHelp("Skip n-grams found in more than this many documents (boilerplate).", valueName: "count"))
    var maxDF = 100

    @Option(help: ArgumentHelp("Align only document pairs sharing at least this many n-grams.", valueName: "count"))
    var minMatches = 3

    @Option(help: ArgumentHelp("Report passages of at least this many words on both sides.", valueName: "count"))
    var minWords = 12

    @Option(help: ArgumentHelp("Shared n-grams farther apart than this many words start a new chain.", valueName: "words"))
    var maxGap = 50

    @Option(name: .customLong("formula-df"), help: ArgumentHelp(
        "N-grams in at least this many documents are common; a passage sharing almost only common n-grams is formula wording, not reuse.",
        valueName: "count"))
    var formulaDF = 20

    @Flag(help: "Also report formula passages (records of type formula); they never join clusters.")
    var formulas = false

    @Flag(help: "Do not align copies with each other through a third copy both share a passage with (as the Spark job does not).")
    var noSharedCopies = false

    @OptionGroup var threading: ThreadOptions

    @OptionGroup var input: CorpusInputOptions

    @Option(name: .shortAndLong, help: "Output format: text (the default on a terminal), jsonl (the default otherwise), json, html.")
    var format: Format?

    @OptionGroup var output: OutputOptions

    @Flag(help: "Leave the aligned text out of JSON output (ids, ranges and counts only).")
    var noAlignment = false

    @Option(help: ArgumentHelp("In text output, show passages longer than this by their first and last words.", valueName: "words"))
    var shownWords = 80

    @OptionGroup var color: ColorOptions

    @OptionGroup var global: GlobalOptions

    var verbose: Bool { global.verbose }

    func validate() throws {
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input can be read only once.") }
        if shownWords < 2 { throw ValidationError("--shown-words must be at least 2.") }
    }

    func parameters() throws -> ReuseParameters {
        do {
            return try ReuseParameters(ngram: ngram, maximumDocumentFrequency: maxDF, minimumMatches: minMatches,
                                       minimumWords: minWords, maximumGap: maxGap, formulaFrequency: formulaDF, sharedCopies: !noSharedCopies, threads: threading.count)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let parameters = try parameters()
        // Opened first, so that an output that cannot be written fails before the search.
        let destination = try output.open()
        let started = ContinuousClock.now
        var ids: [String] = [], dates: [String?] = [], texts: [[UInt8]] = []
        var skipped = 0
        try CorpusReader(inputs: inputs, options: input.corpus).forEach(report: { issue in
            if issue.isSkipped { skipped += 1 }
            try input.report(issue)
        }) { record in
            ids.append(record.id)
            dates.append(record.date)
            texts.append(record.text)
        }
        let read = ContinuousClock.now
        let result = ReuseFinder(parameters: parameters).passages(in: texts)
        let searched = ContinuousClock.now
        let report = ReuseReport(ids: ids, dates: dates, texts: texts, result: result, parameters: parameters,
                                 seconds: (searched - started).seconds, showsFormulas: formulas)
        try write(report, to: destination)
        if verbose {
            Console.warnPlain("""
            read \(ids.count) documents (\(result.words) words) in \(decimal(read - started)) s; \
            \(result.candidatePairs) candidate pairs, \(result.anchors) anchors; \
            \(result.passages.count) passages and \(result.formulas.count) formula passages in \(decimal(searched - read)) s
            """)
        }
        if skipped > 0 { throw ExitCode(1) }
    }

    func write(_ report: ReuseReport, to destination: OutputDestination) throws {
        let onTerminal = !destination.isFile && isatty(STDOUT_FILENO) == 1
        let bytes: [UInt8]
        switch format ?? (onTerminal ? .text : .jsonl) {
        case .text:
            let useColor = color.enabled(toFile: destination.isFile)
            bytes = Array(ReuseTerminalWriter(useColor: useColor, maximumShownWords: shownWords).render(report).utf8)
        case .jsonl: bytes = report.jsonLines(alignment: !noAlignment)
        case .json: bytes = report.json(alignment: !noAlignment)
        case .html: bytes = Array(ReuseHTMLWriter().render(report).utf8)
        }
        try destination.write(bytes)
        try destination.finish()
    }

    private func decimal(_ duration: Duration) -> String { String(format: "%.2f", duration.seconds) }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
