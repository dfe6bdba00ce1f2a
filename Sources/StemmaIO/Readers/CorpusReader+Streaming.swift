/// Reading bytes in memory in pieces of chosen sizes, for the tests and fuzz targets that check
/// that streamed reading gives exactly what reading the whole buffer gives (issue 11).
extension CorpusReader {
    /// Every record and issue that reading `bytes` as the input `name` (its extension picks the
    /// format) gives, one line each, in order; the reads are cut to `readSizes`, cycled (none: one
    /// read of up to 1 MiB).
    package static func transcript(of bytes: [UInt8], named name: String, readSizes: [Int] = [],
                                   options: CorpusOptions = CorpusOptions()) -> [String] {
        var lines: [String] = []
        let reader = CorpusReader(inputs: [], options: options)
        do {
            let stream = try ByteStream(path: name, bytes: bytes, readSizes: readSizes)
            try withoutActuallyEscaping({ (issue: CorpusIssue) in lines.append("issue \(issue)") }) { report in
                try withoutActuallyEscaping({ (record: CorpusRecord) in lines.append(Self.describe(record)) }) { body in
                    try ReadContext(reader: reader, report: report, body: body).read(stream, name: name)
                }
            }
        } catch {
            lines.append("error \(error)")
        }
        return lines
    }

    /// Where reading `bytes` in pieces of `readSizes` differs from reading them whole, or nil.
    package static func streamingDisagreement(in bytes: [UInt8], named name: String, readSizes: [Int],
                                              options: CorpusOptions = CorpusOptions()) -> String? {
        let whole = transcript(of: bytes, named: name, options: options)
        let streamed = transcript(of: bytes, named: name, readSizes: readSizes, options: options)
        guard whole != streamed else { return nil }
        let index = zip(whole, streamed).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(whole.count, streamed.count)
        func line(_ lines: [String]) -> String { index < lines.count ? lines[index] : "(nothing)" }
        return "entry \(index): whole: \(line(whole)) | streamed in \(readSizes): \(line(streamed))"
    }

    static func describe(_ record: CorpusRecord) -> String {
        let metadata = [record.title, record.date, record.url, record.source].map { $0.map { "\"\($0)\"" } ?? "nil" }
        let extra = record.extra.map { "\($0.key)=\(String(decoding: $0.json, as: UTF8.self))" }
        return "record \(record.id.debugDescription) \(String(decoding: record.text, as: UTF8.self).debugDescription) "
            + "\(metadata.joined(separator: " ")) [\(extra.joined(separator: ", "))] at \(record.location)"
    }
}
