import Foundation
import StemmaCore

extension ReadContext {
    func readJSONL(_ stream: ByteStream, prefix: [UInt8] = []) throws {
        var lines = LineSplitter(stream: stream, prefix: prefix, maximumLineBytes: options.maxRecordBytes, chunk: options.chunkSize)
        while try lines.next({ line, number, offset in
            // A page's article is not the line's bytes: such records are read again by a full pass.
            let origin = stream.isPlainFile && options.htmlField == nil ? RecordOrigin(path: stream.path, offset: offset, length: line.count, kind: .jsonLine) : nil
            try readJSONLine(line, number: number, path: stream.path, origin: origin)
        }, tooLong: { number in
            try report(CorpusIssue(error: ReadError(file: stream.path, line: number, reason: .tooLarge(options.maxRecordBytes)), isSkipped: true))
        }) {}
    }

    func readJSONLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, path: String, origin: RecordOrigin? = nil) throws {
        guard line.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { return }  // blank lines
        let location = "\(path):\(number)"
        let fields: JSONLineRecord
        do {
            fields = try JSONLineRecord(line: line, options: options)
        } catch {
            try skip(path, number, error.reason)
            return
        }
        for warning in fields.warnings {
            try report(CorpusIssue(error: ReadError(file: path, line: number, reason: .malformed(warning)), isSkipped: false))
        }
        guard let validText = try validatedText(fields.text, location: location) else { return }
        var document = Document(
            id: fields.id ?? location, text: validText, title: fields.metadata.title,
            date: fields.metadata.date ?? (options.datesFromText ? Self.markerDate(validText) : nil),
            url: fields.metadata.url, source: fields.metadata.source, extra: fields.extra)
        if options.htmlField != nil {
            guard let page = try pageDocument(validText, record: document, location: location, line: number) else { return }
            document = page
        }
        let record = CorpusRecord(document, location: location, origin: origin)
        try emit(record, path: path, line: number)
    }

    func skip(_ path: String, _ line: Int, through lastLine: Int? = nil, _ reason: String) throws {
        try report(CorpusIssue(error: ReadError(file: path, line: line, lastLine: lastLine, reason: .malformed(reason)), isSkipped: true))
    }
}
