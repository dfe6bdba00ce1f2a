public import ArgumentParser
import Foundation
import StemmaIO
import StemmaWeb

/// The flags of every command that reads a corpus (`dedup`, `reuse`, `index add`).
struct CorpusInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How named inputs and standard input are read; auto goes by the extension, and reads standard input as JSONL if it starts with {, else as one text. Files inside directories always go by their extension.",
                               valueName: "format"))
    var inputFormat: InputFormat = .auto

    @Option(help: "The JSONL member or CSV column holding the id.")
    var idField = "id"

    @Option(help: "The JSONL member or CSV column holding the text.")
    var textField = "text"

    @Option(help: ArgumentHelp("What an HTML page or web archive record becomes: article (its main text), text (all visible text) or none (the page as it is).",
                               valueName: "mode"))
    var extract: ExtractionMode = .article

    @Option(help: ArgumentHelp("The JSONL member or CSV column holding a page's HTML (crawl exports): its article becomes the text.",
                               valueName: "name"))
    var htmlField: String?

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
        var options = CorpusOptions(idField: idField, textField: textField, lossy: lossy, followLinks: follow,
                                    maxRecordBytes: ByteCount.parse(maxRecordSize) ?? CorpusOptions.defaultMaxRecordBytes,
                                    inputFormat: inputFormat)
        options.web = WebReader(mode: extract)
        options.htmlField = htmlField
        return options
    }

    /// Reports a bad record on standard error, or stops at it under `--strict`.
    func report(_ issue: CorpusIssue) throws {
        if strict && issue.isSkipped { throw issue.error }
        Console.warnPlain("stemma: \(issue)")
    }
}

extension InputFormat: ArgumentParser.ExpressibleByArgument {}

extension ExtractionMode: ArgumentParser.ExpressibleByArgument {}
