import StemmaCore
public import StemmaIO

/// Archive records as documents: each response, resource or conversion record whose payload is
/// HTML or text becomes one, with id and `url` the `WARC-Target-URI`, `date` the `WARC-Date`,
/// `source` the host, and the `WARC-Record-ID` and the page's own publication date kept as
/// `recordID` and `published`.
extension WebReader {
    /// Records extracted together, on all cores.
    static let archiveBatch = 64

    public func readArchive(at path: String, options: CorpusOptions, report: (CorpusIssue) throws -> Void,
                            _ body: (CorpusRecord) throws -> Void) throws {
        let reader: ArchiveReader
        do {
            let limits = try ArchiveOptions(maxRecordBytes: max(1, min(options.maxRecordBytes, maximumPageBytes)))
            reader = try ArchiveReader(path: path, options: limits)
        } catch let problem as ArchiveProblem {
            throw ReadError(file: path, offset: problem.offset > 0 ? problem.offset : nil, reason: .unreadable(problem.message))
        }
        var batch: [ArchiveRecord] = []
        var notText = 0
        // One batch is extracted in the background while the next is read and inflated, so that
        // reading costs little more than the extraction (both cores busy throughout).
        var inFlight: (records: [ArchiveRecord], work: BackgroundWork<[Result<Document, ReadError>]>)?
        func finish(_ extraction: (records: [ArchiveRecord], work: BackgroundWork<[Result<Document, ReadError>]>)) throws {
            for (record, result) in zip(extraction.records, extraction.work.wait()) {
                let location = "\(path)@\(record.offset)"
                switch result {
                case .success(let document):
                    var corpusRecord = CorpusRecord(document, location: location)
                    corpusRecord.isCapture = true
                    try body(corpusRecord)
                case .failure(var error):
                    error.file = path
                    error.offset = record.offset
                    try report(CorpusIssue(error: error, isSkipped: true))
                }
            }
        }
        func handOver() throws {
            let records = batch, threads = options.threads
            batch.removeAll(keepingCapacity: true)
            let next = (records: records, work: BackgroundWork { documents(of: records, in: path, threads: threads) })
            if let previous = inFlight { try finish(previous) }
            inFlight = next
        }
        try reader.forEach(problem: { problem in
            try report(CorpusIssue(error: ReadError(file: path, offset: problem.offset, reason: .malformed(problem.message)), isSkipped: true))
        }) { record in
            guard record.isHTMLOrText, !Self.isCrawlerMetadata(record.targetURI) else {
                notText += 1
                return
            }
            batch.append(record)
            if batch.count >= Self.archiveBatch { try handOver() }
        }
        if !batch.isEmpty { try handOver() }
        if let last = inFlight { try finish(last) }
        let unread = reader.skipped.filter { !Self.expectedSkips.contains($0.key) }
        let counts = unread.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" } + (notText > 0 ? ["\(notText) payloads neither HTML nor text"] : [])
        if !counts.isEmpty {
            try report(CorpusIssue(error: ReadError(file: path, reason: .malformed("not read: " + counts.joined(separator: ", "))), isSkipped: false))
        }
    }

    /// Records every crawl has and no reader wants, which are skipped without a word.
    static let expectedSkips: Set<String> = ["request records", "warcinfo records", "metadata records", "revisit records",
                                             "arc version blocks", "continuation records"]

    /// wget's log and DNS look-ups are stored as resources; they are the crawl's, not the web's.
    static func isCrawlerMetadata(_ uri: String?) -> Bool {
        guard let uri = uri?.lowercased() else { return false }
        return uri.hasPrefix("metadata:") || uri.hasPrefix("dns:") || uri.hasPrefix("filedesc:")
    }

    private func documents(of records: [ArchiveRecord], in path: String, threads: Int) -> [Result<Document, ReadError>] {
        ParallelMap.dynamicMap(count: records.count, threads: threads == 0 ? ProcessInfoCores.count : threads) { index in
            Result { () throws(ReadError) -> Document in try archiveDocument(records[index], path: path) }
        }
    }

    private func archiveDocument(_ record: ArchiveRecord, path: String) throws(ReadError) -> Document {
        let id = record.targetURI ?? record.recordID ?? "\(path)@\(record.offset)"
        var document: Document
        if record.mediaType == "text/plain" || record.type == .conversion {
            let decoded = HTMLCharset.decodePlainText(record.payload, transportContentType: record.contentType)
            document = Document(id: id, text: decoded.bytes, extra: [Self.member("encoding", decoded.encoding)])
        } else {
            do {
                document = try self.document(fromHTML: record.payload, id: id, url: record.targetURI, contentType: record.contentType)
            } catch let error as ReadError {
                throw error
            } catch {
                throw ReadError(file: path, reason: .malformed("\(error)"))
            }
            if let published = document.date { document.extra.append(Self.member("published", published)) }
        }
        document.date = record.date
        document.url = record.targetURI ?? document.url
        document.source = record.targetURI.flatMap(Self.host(of:)) ?? document.source
        if let recordID = record.recordID { document.extra.append(Self.member("recordID", recordID)) }
        return document
    }

    static func member(_ key: String, _ value: String) -> Document.Member {
        Document.Member(key: key, json: JSONValue.string(value).utf8(pretty: false))
    }
}
