import Foundation
import StemmaCore

/// HTML pages and web archives, read through ``CorpusOptions/web``.
extension ReadContext {
    /// One HTML file: its article becomes the document (see ``WebInputReader``).
    func readHTMLFile(_ stream: ByteStream, id: String, prefix: [UInt8] = []) throws {
        guard let web = options.web else {
            try report(CorpusIssue(error: ReadError(file: stream.path, reason: .malformed("an HTML page, which this reader does not read")),
                                   isSkipped: true))
            return
        }
        let bytes: [UInt8]
        do {
            bytes = try pageBytes(stream, prefix: prefix)
        } catch let error as ReadError where !Self.isStreamFailure(error) {
            try report(CorpusIssue(error: error, isSkipped: true))
            return
        }
        let document: Document
        do {
            document = try web.document(fromHTML: bytes, id: id, url: nil)
        } catch var error as ReadError {
            error.file = stream.path
            try report(CorpusIssue(error: error, isSkipped: true))
            return
        }
        let record = CorpusRecord(document, location: stream.path)
        try emit(options.textMetadata.map { $0.applied(to: record) } ?? record, path: stream.path)
    }

    /// Whether `input` is an HTML file read as a page (no metadata flags, no other format forced).
    func isNamedPage(_ input: String) -> Bool {
        guard input != "-", options.web != nil, options.textMetadata == nil else { return false }
        let format = options.inputFormat.forced ?? CorpusReader.format(of: input)
        guard format == .html else { return false }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The bytes of an HTML file named or found in a directory, or nil when it was reported and
    /// skipped.
    func readPageBytes(_ path: String, id: String) throws -> WebPageInput? {
        do {
            return WebPageInput(html: try pageBytes(try open(path)), id: id, url: nil)
        } catch let error as ReadError {
            try report(CorpusIssue(error: error, isSkipped: true))
            return nil
        }
    }

    /// The rest of a page's stream, no more than ``CorpusOptions/maxRecordBytes``. Unlike a text,
    /// a page is not checked to be UTF-8: its charset is the web reader's to find.
    private func pageBytes(_ stream: ByteStream, prefix: [UInt8] = []) throws -> [UInt8] {
        var bytes = prefix
        var more = true
        while more {
            more = try stream.read(into: &bytes, maximum: options.chunkSize)
            guard bytes.count <= options.maxRecordBytes else { throw ReadError(file: stream.path, reason: .tooLarge(options.maxRecordBytes)) }
        }
        return bytes
    }

    /// Starts extracting the pages read so far, on all cores, and hands on the documents of the
    /// batch before it, in order: reading overlaps extraction. `final` waits for everything.
    func flush(_ batch: inout PageBatch, final: Bool = false) throws {
        if !batch.inputs.isEmpty, let web = options.web {
            let inputs = batch.inputs, threads = options.threads
            let started = (BackgroundWork { web.documents(fromHTML: inputs, threads: threads) }, inputs,
                           batch.root.map { root in inputs.map { root + "/" + $0.id } } ?? batch.locations)
            batch.inputs.removeAll(keepingCapacity: true)
            batch.locations.removeAll(keepingCapacity: true)
            if let previous = batch.inFlight { try hand(previous) }
            batch.inFlight = started
        }
        if final, let last = batch.inFlight {
            batch.inFlight = nil
            try hand(last)
        }
    }

    private func hand(_ extraction: PageBatch.Extraction) throws {
        for (location, result) in zip(extraction.locations, extraction.work.wait()) {
            switch result {
            case .success(let document): try emit(CorpusRecord(document, location: location), path: location)
            case .failure(var error):
                error.file = location
                try report(CorpusIssue(error: error, isSkipped: true))
            }
        }
    }

    /// Every page and text record of a WARC or ARC file.
    func readArchive(_ path: String, name: String) throws {
        guard let web = options.web else {
            try report(CorpusIssue(error: ReadError(file: name, reason: .malformed("a web archive, which this reader does not read")),
                                   isSkipped: true))
            return
        }
        if options.textMetadata != nil { throw Self.metadataError(name, holding: "a web archive, whose records are documents of their own") }
        try web.readArchive(at: path, options: options, report: report) { record in
            try emit(record, path: record.location)
        }
    }

    /// The document of a JSONL or CSV record whose `--html-field` holds a page: the page's article
    /// and metadata, under the record's own id and whatever metadata the record gives.
    func pageDocument(_ html: [UInt8], record: Document, location: String, line: Int) throws -> Document? {
        guard let web = options.web else {
            try report(CorpusIssue(error: ReadError(file: location, reason: .malformed("an HTML field, which this reader does not read")),
                                   isSkipped: true))
            return nil
        }
        var page: Document
        do {
            page = try web.document(fromHTML: html, id: record.id, url: record.url)
        } catch var error as ReadError {
            error.file = location
            try report(CorpusIssue(error: error, isSkipped: true))
            return nil
        }
        page.title = record.title ?? page.title
        page.date = record.date ?? page.date
        page.url = record.url ?? page.url
        page.source = record.source ?? page.source
        let taken = Set(page.extra.map(\.key))
        page.extra += record.extra.filter { !taken.contains($0.key) }
        return page
    }
}

/// HTML files of a directory walk waiting to be extracted together.
struct PageBatch {
    var inputs: [WebPageInput] = []
    /// The directory the ids are relative to, for messages.
    var root: String?
    /// Each page's path as given, when there is no root.
    var locations: [String] = []
    typealias Extraction = (work: BackgroundWork<[Result<Document, ReadError>]>, inputs: [WebPageInput], locations: [String])
    /// The batch being extracted while the next is read.
    var inFlight: Extraction?
    /// Enough pages to keep both cores busy, few enough to hold in memory.
    static let size = 64
    var isFull: Bool { inputs.count >= Self.size }
}
