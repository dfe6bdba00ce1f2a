extension ArchiveReader {
    /// What is wrong with reading `bytes` as an archive, for the fuzzer and its replay test: an
    /// offset outside the input, or a record whose payload is over the limit. Nil when all is well.
    package static func fuzzProblem(in bytes: [UInt8]) -> String? {
        let options = ArchiveOptions.standard
        var problem: String?
        for readSize in [1 << 16, 7] {
            let reader = ArchiveReader(bytes: bytes, options: options, readSize: readSize)
            do {
                try reader.forEach(problem: { found in
                    if found.offset < 0 || found.offset > bytes.count { problem = "problem offset \(found.offset) outside \(bytes.count) bytes" }
                }) { record in
                    if record.offset < 0 || record.offset > bytes.count { problem = "record offset \(record.offset) outside \(bytes.count) bytes" }
                    if record.payload.count > options.maxRecordBytes { problem = "payload of \(record.payload.count) bytes over the limit" }
                }
            } catch {
                problem = "reading threw \(error)"
            }
        }
        return problem
    }
}
