import StemmaCore
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
    /// `format` (`jsonl` or `csv`) whole and in small reads, with and without a small record
    /// limit, it must give the same. Returns the first difference.
    ///
    /// `thorough` tries several patterns of reads; otherwise one, with the limit and the read
    /// sizes drawn from the input itself, so that the fuzzer steers the cuts and runs a few times
    /// faster.
    package static func fuzzDisagreement(in bytes: [UInt8], format: String, thorough: Bool = true) -> String? {
        var derived: [Int] = []
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in bytes.prefix(64) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
            derived.append(1 + Int(hash >> 60))
        }
        if derived.isEmpty { derived = [5] }
        let name = "fuzz.\(format)"
        let limits = [CorpusOptions(), CorpusOptions(maxRecordBytes: 40)]
        guard thorough else {
            let options = limits[Int(hash & 1)]
            return streamingDisagreement(in: bytes, named: name, readSizes: derived, options: options)
        }
        for options in limits {
            let whole = transcript(of: bytes, named: name, options: options)
            for sizes in [[1], [2, 3, 1], [7], derived] {
                let streamed = transcript(of: bytes, named: name, readSizes: sizes, options: options)
                if streamed != whole {
                    return streamingDisagreement(in: bytes, named: name, readSizes: sizes, options: options)
                        .map { "maxRecordBytes \(options.maxRecordBytes): \($0)" }
                }
            }
        }
        return nil
    }
}
