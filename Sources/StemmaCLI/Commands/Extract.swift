import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO

/// `stemma extract INPUT…`: the article and metadata of web pages and archive records.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract the article text and metadata of HTML pages and web archive records.",
        discussion: """
        INPUT is an .html/.htm/.xhtml file, a directory (its pages, read in path order), a .warc or \
        .arc archive (optionally .gz; response, resource and conversion records), a JSONL or CSV \
        file with --html-field, or - for standard input. Each page's text is its article body \
        (--extract article), all its visible text (text) or the page as it is (none), paragraphs \
        separated by blank lines. --format jsonl gives one record per page: path (or id, for \
        archive and JSONL records), url, title, byline, date, modified, language, siteName, \
        encoding, text. Exit status: 0 when every page was read, 1 when pages or records were \
        skipped (reported on standard error), 2 on error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, json
    }

    @Argument(help: "HTML files, directories, WARC/ARC archives (optionally .gz), JSONL/CSV with --html-field, or - for standard input.",
              completion: .file())
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output format: text (each page's text, under a ==> id <== line when there are several), jsonl (one record per page), json (one document, {\"pages\": [...]}).")
    var format: Format = .text

    @OptionGroup var input: CorpusInputOptions
    @OptionGroup var threading: ThreadOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input can be read only once.") }
    }

    func run() throws {
        let destination = try output.open()
        var options = input.corpus
        options.threads = threading.count
        // Standard input and a lone file that is neither records nor an archive are pages.
        if options.inputFormat == .auto && options.htmlField == nil {
            options.inputFormat = inputs == ["-"] ? .html : .auto
        }
        let reader = CorpusReader(inputs: inputs, options: options)
        var skipped = 0
        var written = 0
        var all: [ExtractedPageRecord] = []
        let headed = inputs.count > 1 || inputs.contains { Self.isDirectoryOrArchive($0) }
        try reader.forEach(report: { issue in
            if issue.isSkipped { skipped += 1 }
            try input.report(issue)
        }) { record in
            let extracted = ExtractedPageRecord(record)
            switch format {
            case .jsonl: try destination.write(extracted.jsonLine)
            case .json: all.append(extracted)
            case .text:
                var text = headed ? "\(written > 0 ? "\n" : "")==> \(record.id) <==\n" : ""
                text += String(decoding: record.text, as: UTF8.self)
                try destination.write(text + "\n")
            }
            written += 1
        }
        if format == .json { try destination.write(JSONValue.document("pages", all).utf8(pretty: true) + [0x0A]) }
        try destination.finish()
        if !global.quiet && written == 0 { Console.warn("no page was read") }
        if skipped > 0 { throw ExitCode(1) }
    }

    private static func isDirectoryOrArchive(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return true }
        let name = path.lowercased()
        return [".warc", ".warc.gz", ".arc", ".arc.gz", ".jsonl", ".jsonl.gz", ".csv", ".csv.gz"].contains { name.hasSuffix($0) }
    }
}
