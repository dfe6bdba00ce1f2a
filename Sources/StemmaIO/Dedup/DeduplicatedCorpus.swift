import StemmaCore

/// Writes a corpus without the documents deduplication dropped: a second pass over the inputs, for
/// `stemma dedup --write-deduplicated` and any other caller that keeps one member per family.
public enum DeduplicatedCorpus {
    /// Each record read again must be the one the first pass read (same id, same text hash, same
    /// count): an input rewritten during the run is an error, and the output file appears only
    /// complete (``AtomicFile``).
    ///
    /// - Parameter documents: the documents of the first pass, in reading order.
    /// - Throws: ``ReadError`` for an input that changed, or the input's or the file's own error.
    public static func write(inputs: [String], options: CorpusOptions, documents: [DedupDocument], dropping dropped: Set<Int>,
                             to file: AtomicFile) throws {
        let path = file.path
        var index = 0
        try CorpusReader(inputs: inputs, options: options).forEach(report: { _ in }) { record in
            defer { index += 1 }
            guard index < documents.count, documents[index].id == record.id,
                documents[index].contentHash.map({ $0 == LaneHash.hash(record.text) }) ?? true
            else { throw changedInput(record.location, path: path) }
            guard !dropped.contains(index) else { return }
            try file.write(CorpusWriter.jsonLine(record))
        }
        guard index == documents.count else { throw changedInput(inputs.joined(separator: ", "), path: path) }
        try file.commit()
    }

    private static func changedInput(_ location: String, path: String) -> ReadError {
        ReadError(file: location, reason: .malformed("changed during the run (not what the first pass read); \(path) was not written"))
    }
}
