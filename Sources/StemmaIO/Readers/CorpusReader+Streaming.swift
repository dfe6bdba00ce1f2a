/// Reading bytes in memory in pieces of chosen sizes, for the tests and fuzz targets that check
/// that streamed reading gives exactly what reading the whole buffer gives (issue 11).
extension CorpusReader {
    /// Every record and issue that reading `bytes` as the input `name` (its extension picks the
    /// format) gives, one line each, in order; the reads are cut to `readSizes`, cycled (none: one
    /// read of up to 1 MiB).
    package static func transcript(of bytes: [UInt8], named name: String, readSizes: [Int] = [],
                                   options: CorpusOptions = CorpusOptions()) -> [String] {
        var lines: [String] = []
        var options = options
        options.chunkSize = max(4_096, bytes.count + 1)  // one read for the whole
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

extension CorpusReader {
    /// The check the fuzz targets (`Fuzz/`) and their corpus replay run on one input: read as
    /// `format` (`jsonl` or `csv`), whole and in several patterns of small reads, with and without
    /// a small record limit, it must give the same everywhere. Returns the first difference.
    package static func fuzzDisagreement(in bytes: [UInt8], format: String) -> String? {
        // A pattern of read sizes drawn from the input itself, so that a fuzzer can steer the cuts.
        var derived: [Int] = []
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes.prefix(64) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
            derived.append(1 + Int(hash >> 60))
        }
        let patterns = [[1], [2, 3, 1], [7], derived.isEmpty ? [5] : derived]
        for options in [CorpusOptions(), CorpusOptions(maxRecordBytes: 40)] {
            for sizes in patterns {
                if let difference = streamingDisagreement(in: bytes, named: "fuzz.\(format)", readSizes: sizes, options: options) {
                    return "maxRecordBytes \(options.maxRecordBytes): \(difference)"
                }
            }
        }
        return nil
    }
}
