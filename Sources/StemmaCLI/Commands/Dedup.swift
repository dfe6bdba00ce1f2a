import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO

/// `stemma dedup INPUT…`: the documents of a corpus that are versions or copies of each other.
struct Dedup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find near-duplicate documents in a corpus and group them into families.",
        discussion: """
        INPUT is a directory of .txt/.md files, a .jsonl or .csv file (optionally .gz), or - for \
        standard input. Documents are compared by word shingles with MinHash and LSH; candidate \
        pairs are verified by their signatures, or exactly with --verify exact. Exit status: 0 when \
        every record was read, 1 when bad records were skipped (reported on standard error), 2 on error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, json, csv, text
    }

    @Argument(help: "Directories, .jsonl, .csv or text files (optionally .gz), or - for standard input.")
    var inputs: [String]

    @Option(help: "Jaccard similarity at or above which two documents are near duplicates.")
    var threshold = 0.5

    @Option(help: "Words per shingle.")
    var shingle = 5

    @Option(help: "MinHash permutations (a multiple of 16).")
    var permutations = 128

    @Option(help: "Seed of the MinHash permutations; signatures depend on it.")
    var seed: UInt64 = 1

    @Option(help: "Threads to use (default: all cores).")
    var threads = ProcessInfoCores.count

    @Option(help: "How candidates are verified: auto (signatures; exact near the threshold), estimate (signatures only, one pass), exact (every candidate; re-reads the corpus).")
    var verify: DedupOptions.Verification = .auto

    @Option(help: ArgumentHelp("Also pair documents when one's shingles are at least this much contained in the other's (implies --verify exact).", valueName: "share"))
    var containment: Double?

    @Option(help: "Documents with fewer shingles are set aside and counted, never matched.")
    var minShingles = 5

    @OptionGroup var input: CorpusInputOptions

    @Option(help: "Standard output format: jsonl (pair and family records, one per line; default when not a terminal), json (one document: families, pairs, summary), csv (pairs), text (summary).")
    var format: Format?

    @Option(help: ArgumentHelp("Write pairs.jsonl, families.jsonl and summary.json into this directory.", valueName: "directory"))
    var output: String?

    @Option(help: "Which member of each family --write-deduplicated keeps: earliest (by date, else longest), longest, first.")
    var keep: KeepPolicy?

    @Option(help: ArgumentHelp("Write the corpus with one member per family, as JSONL.", valueName: "file"))
    var writeDeduplicated: String?

    @Flag(help: "No progress bar.")
    var quiet = false

    @Flag(help: "Print the LSH parameters and timings on standard error.")
    var verbose = false

    func validate() throws {
        if keep != nil && writeDeduplicated == nil {
            throw ValidationError("--keep chooses what --write-deduplicated keeps; give --write-deduplicated FILE too.")
        }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input can be read only once.") }
    }

    var dedupOptions: DedupOptions {
        var options = DedupOptions()
        options.threshold = threshold
        options.shingleSize = shingle
        options.permutations = permutations
        options.seed = seed
        options.threads = max(1, threads)
        options.verification = verify
        options.containment = containment
        options.minimumShingles = minShingles
        options.corpus = input.corpus
        options.hashesContent = writeDeduplicated != nil
        return options
    }

    func run() throws {
        let options = dedupOptions
        _ = try options.validated()
        // A second pass needs input it can read again: standard input is kept in a temporary file.
        let needsSecondPass = options.effectiveVerification != .estimate || writeDeduplicated != nil
        let (inputs, spool) = try needsSecondPass ? StandardInputSpool.replacingStandardInput(in: self.inputs) : (self.inputs, nil)
        defer { spool.map { try? FileManager.default.removeItem(atPath: $0) } }
        // Made first, so that an output that cannot be written fails before the run, not after it.
        let keptFile = try writeDeduplicated.map(AtomicFile.init)

        let deduplicator = Deduplicator(inputs: inputs, options: options)
        let bar = !quiet && ProgressBar.isUseful ? ProgressBar(totalBytes: ProgressBar.totalBytes(of: inputs)) : nil
        deduplicator.progress = bar.map { bar in { bar.update(documents: $0, bytes: $1) } }
        let result = try deduplicator.run { issue in
            bar?.finish()
            try input.report(issue)
        }
        bar?.finish()
        let writer = DedupWriter(result: result, options: options)
        if verbose {
            Console.warnPlain("\(result.parameters)\nverified \(result.candidates) candidates by \(result.verification.rawValue) in \(String(format: "%.2f", result.seconds)) s")
        }
        try writeOutputs(writer, inputs: inputs, keptFile: keptFile)
        if result.skippedRecords > 0 { throw ExitCode(1) }
    }

    func writeOutputs(_ writer: DedupWriter, inputs: [String], keptFile: AtomicFile?) throws {
        if let output {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for (name, bytes) in [("pairs.jsonl", writer.pairLines()), ("families.jsonl", writer.familyLines()),
                                  ("summary.json", writer.summaryJSON())] {
                try AtomicFile.write(bytes, to: URL(fileURLWithPath: output).appendingPathComponent(name).path)
            }
        }
        let onTerminal = isatty(STDOUT_FILENO) == 1
        switch format ?? (onTerminal || output != nil ? .text : .jsonl) {
        case .text: try Console.write(writer.terminalSummary())
        case .jsonl: try Console.write(bytes: writer.pairLines() + writer.familyLines())
        case .json: try Console.write(bytes: writer.document())
        case .csv: try Console.write(writer.pairCSV())
        }
        if let keptFile {
            let dropped = writer.dropped(keeping: keep ?? .earliest)
            try DeduplicatedCorpus.write(inputs: inputs, options: dedupOptions.corpus, documents: writer.result.documents,
                                         dropping: dropped, to: keptFile)
        }
    }
}
