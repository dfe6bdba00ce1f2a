public import ArgumentParser
import Foundation
import StemmaIO

/// The flags of every command that reads a corpus (`dedup`, `reuse`, `index add`).
struct CorpusInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How named inputs and standard input are read; auto goes by the extension, and reads standard input as JSONL if it starts with {, else as one text. Files inside directories always go by their extension.",
                               valueName: "format"))
    var inputFormat: InputFormat = .auto

    @Option(help: "The JSONL member or CSV column holding the id.")
    var idField = "id"

    @Option(help: "The JSONL member or CSV column holding the text.")
    var textField = "text"

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of skipping the record.")
    var lossy = false

    @Flag(help: "Stop at the first bad record instead of reporting and skipping it.")
    var strict = false

    @Flag(help: "Follow symbolic links inside input directories (a linked input is always followed).")
    var follow = false

    @Option(help: ArgumentHelp("The largest record read: a text file, a JSONL line or a CSV record, e.g. 64MB (larger ones are reported and skipped).",
                               valueName: "size"))
    var maxRecordSize = "256MiB"

    func validate() throws {
        guard let bytes = ByteCount.parse(maxRecordSize), bytes > 0 else {
            throw ValidationError("--max-record-size must be a size such as 64MB, not \(maxRecordSize)")
        }
    }

    var corpus: CorpusOptions {
        CorpusOptions(idField: idField, textField: textField, lossy: lossy, followLinks: follow,
                      maxRecordBytes: ByteCount.parse(maxRecordSize) ?? CorpusOptions.defaultMaxRecordBytes,
                      inputFormat: inputFormat)
    }

    /// Reports a bad record on standard error, or stops at it under `--strict`.
    func report(_ issue: CorpusIssue) throws {
        if strict && issue.isSkipped { throw issue.error }
        Console.warnPlain("stemma: \(issue)")
    }
}

extension InputFormat: ArgumentParser.ExpressibleByArgument {}
