import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO
import StemmaStore

/// `stemma index`: the incremental index of a growing collection.
struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maintain an incremental index of documents and their versions (SQLite).",
        subcommands: [Add.self, Stats.self, List.self, Remove.self, Reextract.self]
    )

    /// `stemma index add INPUT…`
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add documents to the index: new ids are added, changed texts become new versions, unchanged ones are skipped.",
            discussion: "Each batch of documents is one transaction, so an interrupted run leaves whole batches. Exit status: 0, 1 when bad records were skipped, 2 on error."
        )

        @Argument(help: "Directories, .jsonl, .csv or text files (optionally .gz), or - for standard input.", completion: .file())
        var inputs: [String]

        @OptionGroup var store: StoreOptions

        @Flag(help: "Do not keep the texts in the index (matching works without them).")
        var noText = false

        @OptionGroup var input: CorpusInputOptions

        @OptionGroup var metadata: TextMetadataOptions

        @OptionGroup var global: GlobalOptions

        var quiet: Bool { global.quiet }

        /// How the inputs are read: the corpus flags, and the metadata of a single text.
        var corpus: CorpusOptions {
            var options = input.corpus
            options.textMetadata = metadata.metadata
            // Captures of one URL in a web archive are its versions (issue 13).
            options.capturesAreVersions = true
            return options
        }

        // A commit writes the transaction's bucket entries as new runs, merges runs, and merges the
        // entries into the in-memory bucket tables (linear in the index size): a large transaction
        // shares those costs among many documents.
        @Option(help: "Documents per transaction: a killed run loses at most the last uncommitted ones (adding them again is idempotent).")
        var commitEvery = 65_536

        func validate() throws {
            guard commitEvery > 0 else { throw ValidationError("--commit-every must be positive") }
            if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input can be read only once.") }
            try metadata.validate(for: inputs, format: input.inputFormat)
        }

        func run() throws {
            let started = ContinuousClock.now
            let index = try Store.open(path: store.db, requesting: store.requested)
            let pipeline = IndexPipeline(store: index, keepText: !noText, documentsPerTransaction: commitEvery)
            let bar = !quiet && ProgressBar.isUseful ? ProgressBar(totalBytes: ProgressBar.totalBytes(of: inputs)) : nil
            var bytesRead = 0
            var skipped = 0
            try CorpusReader(inputs: inputs, options: corpus)
                .forEach(report: { issue in
                    try input.report(issue)
                    if issue.isSkipped { skipped += 1 }
                }) { record in
                    bytesRead += record.origin?.length ?? record.text.count
                    try pipeline.add(record.document)
                    bar?.update(documents: pipeline.committed.documents, bytes: bytesRead)
                }
            let tally = try pipeline.finish()
            bar?.finish()
            let total = try index.counts()
            func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
            try Console.write("\(tally) · \(counted(total.documents, "document")), \(counted(total.versions, "version")) in \(store.db)\n")
            if global.verbose { Console.warnPlain("\(index.parameters) · \(String(format: "%.2f", (ContinuousClock.now - started).seconds)) s") }
            if skipped > 0 { throw ExitCode(1) }
        }
    }
}
