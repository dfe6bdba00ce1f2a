import StemmaCore
import Foundation

extension ReadContext {
    func readCSV(_ stream: ByteStream) throws {
        var scanner = CSVRecordScanner(maximumRecordBytes: options.maxRecordBytes)
        var header: [String]?
        func handle(_ outcome: CSVRecordScanner.Outcome) throws {
            switch outcome {
            case .malformed(let reason, let line, let lastLine):
                try report(CorpusIssue(error: ReadError(file: stream.path, line: line, lastLine: lastLine, reason: reason), isSkipped: true))
            case .record(let fields, let line, let lastLine):
                if let names = header {
                    try readCSVRecord(fields, names: names, path: stream.path, line: line, lastLine: lastLine)
                } else {
                    let names = fields.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
                    guard names.contains(options.textKey) else {
                        throw ReadError(file: stream.path, line: line, reason: .malformed("the header has no \"\(options.textKey)\" column"))
                    }
                    header = names
                    for (position, name) in names.enumerated() where names[..<position].contains(name) {
                        try report(CorpusIssue(error: ReadError(file: stream.path, line: line, reason: .malformed(
                            "repeated column \"\(name)\": the first is read, this one ignored")), isSkipped: false))
                    }
                }
            }
        }
        var chunk: [UInt8] = []
        var more = true
        while more {
            chunk.removeAll(keepingCapacity: true)
            more = try stream.read(into: &chunk, maximum: options.chunkSize)
            try chunk.withUnsafeBufferPointer { try scanner.scan($0, handle) }
        }
        try scanner.finish(handle)
    }

    func readCSVRecord(_ fields: [[UInt8]], names: [String], path: String, line: Int, lastLine: Int) throws {
        if fields.count == 1 && fields[0].isEmpty { return }  // blank line
        guard fields.count == names.count else {
            // The span shows what an unbalanced quote swallowed.
            try skip(path, line, through: lastLine, "\(fields.count) fields where the header has \(names.count)")
            return
        }
        let location = "\(path):\(line)"
        var values: [String: [UInt8]] = [:]
        var extra: [Document.Member] = []
        for (name, field) in zip(names, fields) {
            // A repeated column name: the first wins, as for a JSONL key.
            if name == options.textKey || name == options.idField || JSONLineRecord.metadataFields.contains(name) {
                if values[name] == nil { values[name] = field }
            } else {
                extra.append(Document.Member(key: name, json: JSONValue.string(String(decoding: field, as: UTF8.self)).utf8(pretty: false)))
            }
        }
        guard let rawText = values[options.textKey], let text = try validatedText(rawText, location: location) else { return }
        func string(_ name: String) -> String? {
            values[name].flatMap { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
        }
        var document = Document(
            id: string(options.idField) ?? location, text: text, title: string("title"), date: string("date"),
            url: string("url"), source: string("source"), extra: extra)
        if options.htmlField != nil {
            guard let page = try pageDocument(text, record: document, location: location, line: line) else { return }
            document = page
        }
        try emit(CorpusRecord(document, location: location), path: path, line: line)
    }
}
