import Foundation
import StemmaCore

/// Reads a corpus from files, directories and standard input, record by record.
///
/// - A directory: every `.txt`, `.md` (or `.txt.gz`, `.md.gz`) file below it, in path order; the id
///   is the path relative to the directory. Hidden files are skipped; binary files are skipped with
///   a warning. A linked directory given as the input is followed; links inside only with
///   ``CorpusOptions/followLinks``. Entries that cannot be read are reported and skipped.
/// - `.jsonl`, `.ndjson`: one JSON object per line with `id`, `text`, and optional `title`, `date`,
///   `url`, `source`; other members pass through, checked to be valid JSON. Of repeated keys the
///   first is read, with a warning.
/// - `.csv`: a header row naming the same fields.
/// - `.txt`, `.md`: one document whose id is the path, written one way (see ``TextFileID``).
/// - `.html`, `.htm`, `.xhtml` (in directories too) and `.warc`, `.arc` web archives, read through
///   ``CorpusOptions/web`` (see ``WebInputReader``); JSONL and CSV with ``CorpusOptions/htmlField``.
/// - Any of these gzip-compressed (`.gz`), and `-` for standard input (JSONL if it starts with `{`,
///   else one text document, none if only white space). ``CorpusOptions/inputFormat`` overrides
///   the extension and the guess for named inputs and standard input. A leading UTF-8 byte order
///   mark is dropped everywhere.
/// - An input that gives no record is reported as a warning, `FILE: 0 documents`.
///
/// Memory holds one chunk and one record at a time, and a record over
/// ``CorpusOptions/maxRecordBytes`` is skipped. Bad records (and ids that break ``DocumentID``'s
/// rule) are reported and skipped; a duplicate id is reported and the later record gets the id
/// `ID#2` (`#3`, …), so no record is lost.
public final class CorpusReader {
    public let inputs: [String]
    public let options: CorpusOptions
    private var idCounts: [String: Int] = [:]
    /// Records handed on so far, to tell an input that gave none.
    var recordCount = 0

    public init(inputs: [String], options: CorpusOptions = CorpusOptions()) {
        self.inputs = inputs
        self.options = options
    }

    /// Calls `body` with every record, in input order, and `report` with every issue.
    ///
    /// - Throws: ``ReadError`` when an input cannot be opened at all, or what `body` or `report`
    ///   throw (for example to stop at the first bad record under `--strict`).
    public func forEach(report: (CorpusIssue) throws -> Void, _ body: (CorpusRecord) throws -> Void) throws {
        try withoutActuallyEscaping(report) { report in
            try withoutActuallyEscaping(body) { body in
                var context = ReadContext(reader: self, report: report, body: body)
                // Pages named one by one are extracted together, on all cores, like a directory's.
                var pages = PageBatch()
                for input in inputs {
                    if context.isNamedPage(input) {
                        if let page = try context.readPageBytes(input, id: TextFileID.of(input)) {
                            pages.inputs.append(page)
                            pages.locations.append(input)
                        }
                        if pages.isFull { try context.flush(&pages) }
                        continue
                    }
                    try context.flush(&pages, final: true)
                    try context.read(input)
                }
                try context.flush(&pages, final: true)
            }
        }
    }

    /// The id to use for a record, renaming repeats.
    func uniqueID(_ id: String, location: String, report: (CorpusIssue) throws -> Void) throws -> String {
        // One lookup for a new id: reading then writing the count hashed every id twice.
        guard let previous = idCounts.updateValue(1, forKey: id) else { return id }
        let count = previous + 1
        idCounts[id] = count
        let renamed = "\(id)#\(count)"
        try report(CorpusIssue(error: ReadError(file: location, reason: .malformed("duplicate id \"\(id)\", read as \"\(renamed)\"")), isSkipped: false))
        return renamed
    }

    enum Format {
        case jsonl, csv, text, html, archive
    }

    static func format(of path: String) -> Format? {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        switch (name as NSString).pathExtension {
        case "jsonl", "ndjson", "json": return .jsonl
        case "csv": return .csv
        case "txt", "md", "text", "markdown": return .text
        case "html", "htm", "xhtml": return .html
        case "warc", "arc": return .archive
        default: return nil
        }
    }
}

/// The state of one pass over the inputs.
struct ReadContext {
    let reader: CorpusReader
    let report: (CorpusIssue) throws -> Void
    let body: (CorpusRecord) throws -> Void

    var options: CorpusOptions { reader.options }

    mutating func read(_ input: String) throws {
        let before = reader.recordCount
        var isDirectory: ObjCBool = false
        // `fileExists` follows a symbolic link: a linked directory given as an input is read.
        if input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
            if options.textMetadata != nil { throw Self.metadataError(input, holding: "a directory, whose files are documents of their own") }
            try readDirectory(input)
        } else {
            try read(try open(input), name: input, textID: TextFileID.of(input))
        }
        // An input that gives nothing is said so, instead of a run that ends in silence (issue 12).
        if reader.recordCount == before {
            try report(CorpusIssue(error: ReadError(file: input == "-" ? "standard input" : input, reason: .malformed("0 documents")),
                                   isSkipped: false))
        }
    }

    /// Reads one opened input by the format ``CorpusOptions/inputFormat`` or its name tells; a
    /// text file gets the id `textID` (`name` when nil).
    func read(_ stream: ByteStream, name: String, textID: String? = nil) throws {
        switch options.inputFormat.forced ?? CorpusReader.format(of: name) {
        case .jsonl: try readRecords(stream, name: name, as: .jsonl)
        case .csv: try readRecords(stream, name: name, as: .csv)
        case .text: try readTextFile(stream, id: textID ?? name)
        case .html: try readHTMLFile(stream, id: textID ?? name)
        case .archive: try readArchive(stream.path, name: name)
        case nil:
            // Standard input or an unknown extension: JSONL if it starts with `{`.
            var head: [UInt8] = []
            while try stream.read(into: &head, maximum: 4_096), head.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {}
            let first = head.first(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) })
            if first == UInt8(ascii: "{") {
                try readRecords(stream, name: name, as: .jsonl, prefix: head)
            } else if first != nil {
                try readTextFile(stream, id: textID ?? name, prefix: head)
            }
            // Nothing but white space: no document, which `read(_:)` reports as 0 documents.
        }
    }

    /// Reads JSONL or CSV records, which carry their own ids and metadata: metadata given for a
    /// single text cannot apply to them.
    private func readRecords(_ stream: ByteStream, name: String, as format: CorpusReader.Format, prefix: [UInt8] = []) throws {
        if options.textMetadata != nil {
            throw Self.metadataError(name, holding: format == .csv ? "CSV records" : "JSONL records")
        }
        if format == .csv { try readCSV(stream) } else { try readJSONL(stream, prefix: prefix) }
    }

    static func metadataError(_ name: String, holding content: String) -> ReadError {
        ReadError(file: name == "-" ? "standard input" : name, reason: .malformed(
            "--id, --title, --date and --source describe a single text, but this input is \(content) "
                + "(their ids and metadata come from the id, title, date and source fields)"))
    }

    func open(_ path: String) throws -> ByteStream {
        let stream = try ByteStream(path: path)
        stream.readSizes = options.readSizes
        return stream
    }

    /// Checks a record's text: binary text is skipped, invalid UTF-8 skipped or replaced.
    func validatedText(_ bytes: [UInt8], location: String) throws -> [UInt8]? {
        do {
            let input = try TextInput.decode(bytes, path: location, lossy: options.lossy)
            if input.replacedSequences > 0 {
                try report(CorpusIssue(error: ReadError(file: location, reason: .malformed(
                    "replaced \(input.replacedSequences) invalid UTF-8 sequence(s) with U+FFFD")), isSkipped: false))
            }
            return input.bytes
        } catch let error as ReadError {
            try report(CorpusIssue(error: error, isSkipped: true))
            return nil
        }
    }

    /// A text file's date, from a leading `date YYYY-MM-DD` marker.
    static func markerDate(_ text: [UInt8]) -> String? {
        text.withUnsafeBufferPointer { MetadataMarker.leadingDate(in: $0)?.date }
    }

    /// Hands a record on, unless its id breaks ``DocumentID``'s rule; `path` and `line` place it.
    func emit(_ record: CorpusRecord, path: String, line: Int? = nil) throws {
        if let problem = DocumentID.problem(with: record.id) {
            try report(CorpusIssue(error: ReadError(file: path, line: line, reason: .malformed(problem)), isSkipped: true))
            return
        }
        var record = record
        record.line = line
        if !(record.isCapture && options.capturesAreVersions) {
            // A recapture of a URL is expected in a crawl: it is renamed without a warning.
            record.id = try reader.uniqueID(record.id, location: record.location, report: record.isCapture ? { _ in } : report)
        }
        reader.recordCount += 1
        try body(record)
    }

    func readTextFile(_ stream: ByteStream, id: String, prefix: [UInt8] = []) throws {
        let bytes: [UInt8]
        do {
            bytes = try TextInput.readChecked(stream, prefix: prefix, lossy: options.lossy, maximumBytes: options.maxRecordBytes,
                                                chunk: options.chunkSize)
        } catch let error as ReadError where !Self.isStreamFailure(error) {
            try report(CorpusIssue(error: error, isSkipped: true))
            return
        }
        guard let text = try validatedText(bytes, location: stream.path) else { return }
        let record = CorpusRecord(Document(id: id, text: text, date: Self.markerDate(text)), location: stream.path)
        try emit(options.textMetadata.map { $0.applied(to: record) } ?? record, path: stream.path)
    }

    /// Whether an error is the input failing (unreadable, corrupt gzip) rather than its content.
    static func isStreamFailure(_ error: ReadError) -> Bool {
        if case .unreadable = error.reason { return true }
        return false
    }
}
