import Foundation

extension ReadContext {
    static let metadataFields: Set<String> = ["title", "date", "url", "source"]

    func readJSONL(_ stream: ByteStream, prefix: [UInt8] = []) throws {
        var lines = LineSplitter(stream: stream, prefix: prefix)
        while try lines.next({ line, number, offset in
            let origin = stream.isPlainFile ? RecordOrigin(path: stream.path, offset: offset, length: line.count, kind: .jsonLine) : nil
            try readJSONLine(line, number: number, path: stream.path, origin: origin)
        }) {}
    }

    func readJSONLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, path: String, origin: RecordOrigin? = nil) throws {
        guard line.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { return }  // blank lines
        let location = "\(path):\(number)"
        let members: [(key: String, value: JSONLineParser.Value)]
        do {
            members = try JSONLineParser.members(of: line)
        } catch {
            let reason = ReadError.Reason.malformed("invalid JSON at byte \(error.offset): \(error.reason)")
            try report(CorpusIssue(error: ReadError(file: path, line: number, reason: reason), isSkipped: true))
            return
        }
        var fields: [String: String] = [:]
        var text: [UInt8]?
        var extra: [(key: String, json: [UInt8])] = []
        for (key, value) in members {
            switch (key, value) {
            case (options.textField, .string(let bytes)):
                text = bytes
            case (options.textField, .raw):
                try skip(path, number, "field \"\(key)\" is not a string")
                return
            case (options.idField, .string(let bytes)), (options.idField, .raw(let bytes)):
                fields[options.idField] = String(decoding: bytes, as: UTF8.self)
            case (_, .string(let bytes)) where Self.metadataFields.contains(key):
                fields[key] = String(decoding: bytes, as: UTF8.self)
            case (_, .string(let bytes)):
                extra.append((key, JSONValue.string(String(decoding: bytes, as: UTF8.self)).utf8(pretty: false)))
            case (_, .raw(let bytes)):
                extra.append((key, bytes))
            }
        }
        guard let rawText = text else {
            try skip(path, number, "no \"\(options.textField)\" field")
            return
        }
        guard let validText = try validatedText(rawText, location: location) else { return }
        var record = CorpusRecord(
            id: fields[options.idField] ?? location, text: validText, title: fields["title"], date: fields["date"],
            url: fields["url"], source: fields["source"], extra: extra, location: location)
        record.origin = origin
        try emit(record)
    }

    func skip(_ path: String, _ line: Int, _ reason: String) throws {
        try report(CorpusIssue(error: ReadError(file: path, line: line, reason: .malformed(reason)), isSkipped: true))
    }

    func readCSV(_ stream: ByteStream) throws {
        var buffer: [UInt8] = []
        var offset = 0
        var line = 1
        var header: [String]?
        var atEnd = false
        while true {
            let outcome = buffer.withUnsafeBufferPointer { CSVRecordScanner.record(in: $0, from: offset, isFinal: atEnd) }
            switch outcome {
            case .incomplete:
                guard !atEnd else { return }
                if offset > 1 << 20 {  // keep memory to the records in flight
                    buffer.removeSubrange(0..<offset)
                    offset = 0
                }
                atEnd = !(try stream.read(into: &buffer))
            case .malformed(let reason, let end):
                try skip(stream.path, line, reason)
                line += buffer[offset..<end].lazy.filter { $0 == 0x0A }.count
                offset = end
            case .record(let fields, let end):
                let recordLine = line
                line += buffer[offset..<end].lazy.filter { $0 == 0x0A }.count
                offset = end
                if let names = header {
                    try readCSVRecord(fields, names: names, path: stream.path, line: recordLine)
                } else {
                    header = fields.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
                    if header?.contains(options.textField) != true {
                        throw ReadError(file: stream.path, line: 1, reason: .malformed("the header has no \"\(options.textField)\" column"))
                    }
                }
            }
        }
    }

    func readCSVRecord(_ fields: [[UInt8]], names: [String], path: String, line: Int) throws {
        if fields.count == 1 && fields[0].isEmpty { return }  // blank line
        guard fields.count == names.count else {
            try skip(path, line, "\(fields.count) fields where the header has \(names.count)")
            return
        }
        let location = "\(path):\(line)"
        var values: [String: [UInt8]] = [:]
        var extra: [(key: String, json: [UInt8])] = []
        for (name, field) in zip(names, fields) {
            if name == options.textField || name == options.idField || Self.metadataFields.contains(name) {
                values[name] = field
            } else {
                extra.append((name, JSONValue.string(String(decoding: field, as: UTF8.self)).utf8(pretty: false)))
            }
        }
        guard let rawText = values[options.textField], let text = try validatedText(rawText, location: location) else { return }
        func string(_ name: String) -> String? {
            values[name].flatMap { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
        }
        try emit(CorpusRecord(
            id: string(options.idField) ?? location, text: text, title: string("title"), date: string("date"),
            url: string("url"), source: string("source"), extra: extra, location: location))
    }
}
