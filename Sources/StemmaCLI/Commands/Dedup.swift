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
        pairs are verified by their signatures, or exactly with --verify exact. --output FILE writes \
        the output of --format to a file; --output-dir DIR writes pairs.jsonl, families.jsonl and \
        summary.json into a directory (an --output ending in / or naming a directory still means \
        --output-dir). Exit status: 0 when every record was read, 1 when bad records were skipped \
        (reported on standard error), 2 on error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, json, csv, text
    }

    @Argument(help: "Directories, .jsonl, .csv or text files (optionally .gz), or - for standard input.", completion: .file())
    var inputs: [String]

    @OptionGroup var sketching: SketchOptions

    @OptionGroup var threading: ThreadOptions

    @Option(help: "How candidates are verified: auto (signatures; exact near the threshold), estimate (signatures only, one pass), exact (every candidate; re-reads the corpus).")
    var verify: DedupOptions.Verification = .auto

    @Option(help: ArgumentHelp("Also pair documents when one's shingles are at least this much contained in the other's (implies --verify exact).", valueName: "share"))
    var containment: Double?

    @OptionGroup var input: CorpusInputOptions

    @Option(name: .shortAndLong, help: "Standard output format: jsonl (pair and family records, one per line; default when not a terminal), json (one document: families, pairs, summary), csv (pairs), text (summary).")
    var format: Format?

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Write pairs.jsonl, families.jsonl and summary.json into this directory.", valueName: "directory"),
            completion: .directory)
    var outputDir: String?

    @Option(help: "Which member of each family --write-deduplicated keeps: earliest (by date, else longest), longest, first.")
    var keep: KeepPolicy?

    @Option(help: ArgumentHelp("Write the corpus with one member per family, as JSONL.", valueName: "file"), completion: .file())
    var writeDeduplicated: String?

    @OptionGroup var global: GlobalOptions

    var quiet: Bool { global.quiet }
    var verbose: Bool { global.verbose }

    func validate() throws {
        if keep != nil && writeDeduplicated == nil {
            throw ValidationError("--keep chooses what --write-deduplicated keeps; give --write-deduplicated FILE too.")
        }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input can be read only once.") }
        if outputDir != nil && output.output != nil && legacyOutputDirectory == nil {
            throw ValidationError("--output FILE and --output-dir DIR both take the output; give one.")
        }
        if outputDir != nil && legacyOutputDirectory != nil {
            throw ValidationError("--output \(output.output ?? "") names a directory, which --output-dir already gives; give one.")
        }
    }

    /// `--output DIR/` or `--output` naming an existing directory: the meaning `--output` had
    /// before it named a file in every command (issue 12), kept for the scripts that use it.
    var legacyOutputDirectory: String? {
        guard let path = output.file else { return nil }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return path.hasSuffix("/") || (exists && isDirectory.boolValue) ? path : nil
    }

    /// The directory that gets pairs.jsonl, families.jsonl and summary.json, if any.
    var directory: String? { outputDir ?? legacyOutputDirectory }

    var dedupOptions: DedupOptions {
        var options = sketching.options(threads: threading.count, corpus: input.corpus)
        options.verification = verify
        options.containment = containment
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
        if let legacy = legacyOutputDirectory {
            Console.warn("--output \(legacy) names a directory: read as --output-dir \(legacy) (--output now names a file)")
        }
        let destination = legacyOutputDirectory == nil ? try output.open() : OutputDestination(file: nil)

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
        try writeOutputs(writer, inputs: inputs, to: destination, keptFile: keptFile)
        if result.skippedRecords > 0 { throw ExitCode(1) }
    }

    func writeOutputs(_ writer: DedupWriter, inputs: [String], to destination: OutputDestination, keptFile: AtomicFile?) throws {
        if let directory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, bytes) in [("pairs.jsonl", writer.pairLines()), ("families.jsonl", writer.familyLines()),
                                  ("summary.json", writer.summaryJSON())] {
                try AtomicFile.write(bytes, to: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
            }
        }
        // A terminal, or a run whose records went into --output-dir, gets the summary; a pipe or
        // a file gets the records.
        let onTerminal = !destination.isFile && isatty(STDOUT_FILENO) == 1
        switch format ?? (onTerminal || directory != nil ? .text : .jsonl) {
        case .text: try destination.write(writer.terminalSummary())
        case .jsonl: try destination.write(writer.pairLines() + writer.familyLines())
        case .json: try destination.write(writer.document())
        case .csv: try destination.write(writer.pairCSV())
        }
        try destination.finish()
        if let keptFile {
            let dropped = writer.dropped(keeping: keep ?? .earliest)
            try DeduplicatedCorpus.write(inputs: inputs, options: dedupOptions.corpus, documents: writer.result.documents,
                                         dropping: dropped, to: keptFile)
        }
    }
}
