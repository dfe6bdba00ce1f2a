import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO

/// `--id`, `--title`, `--date`, `--source`: the metadata of a single text given as a file or on
/// standard input, which a text file cannot carry itself (JSONL and CSV records have fields).
struct TextMetadataOptions: ParsableArguments {
    @Option(help: "The document's id (a single text input; default: its path).")
    var id: String?

    @Option(help: "The document's title (a single text input).")
    var title: String?

    @Option(help: ArgumentHelp("The document's date, ISO 8601 (a single text input; default: a leading `date YYYY-MM-DD` line).",
                               valueName: "date"))
    var date: String?

    @Option(help: "The document's source, such as a publication (a single text input).")
    var source: String?

    var metadata: TextMetadata? {
        let metadata = TextMetadata(id: id, title: title, date: date, source: source)
        return metadata.isEmpty ? nil : metadata
    }

    /// The flags given, as they are spelled, for messages.
    var given: [String] {
        [("--id", id), ("--title", title), ("--date", date), ("--source", source)].compactMap { $0.1 == nil ? nil : $0.0 }
    }

    /// Checks that the flags describe one text: one input, not a directory, not JSONL or CSV.
    func validate(for inputs: [String], format: InputFormat) throws {
        guard metadata != nil else { return }
        let flags = given.joined(separator: ", ") + (given.count == 1 ? " describes" : " describe")
        if let id, let problem = DocumentID.problem(with: id) {
            throw ValidationError("--id: \(problem)")
        }
        if let date, !TextMetadataOptions.isISODate(date) {
            throw ValidationError("--date must be an ISO 8601 date such as 2022-03-02 or 2022-03-02T09:30:00Z, not '\(date)'.")
        }
        guard inputs.count == 1, let input = inputs.first else {
            throw ValidationError("\(flags) a single text, but \(inputs.count) inputs were given; "
                + "give one text file or -, or put the metadata in JSONL or CSV fields.")
        }
        var isDirectory: ObjCBool = false
        if input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("\(flags) a single text, but \(input) is a directory, whose files are documents of their own.")
        }
        let named = input == "-" ? nil : TextMetadataOptions.recordFormat(of: input)
        switch format {
        case .jsonl, .csv, .warc:
            throw ValidationError("\(flags) a single text, but --input-format \(format.rawValue) reads records, "
                + "which carry their own id, title, date and source fields.")
        case .auto where named != nil:
            throw ValidationError("\(flags) a single text, but \(input) holds \(named ?? "") records, "
                + "which carry their own id, title, date and source fields (--input-format text reads it as one text).")
        case .auto, .text, .html:
            return
        }
    }

    /// "JSONL" or "CSV" for a name that says so, as ``CorpusReader`` reads names.
    static func recordFormat(of path: String) -> String? {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        switch (name as NSString).pathExtension {
        case "jsonl", "ndjson", "json": return "JSONL"
        case "csv": return "CSV"
        default: return nil
        }
    }

    /// A date (`2022`, `2022-03`, `2022-03-02`, as `--since` takes) or a date and time
    /// (`2022-03-02T09:30:00Z`): the forms that `families --since` and `--until` compare rightly.
    static func isISODate(_ value: String) -> Bool {
        if (try? DateRange(since: value)) != nil { return true }
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            formatter.formatOptions = options
            if formatter.date(from: value) != nil { return true }
        }
        return false
    }
}
