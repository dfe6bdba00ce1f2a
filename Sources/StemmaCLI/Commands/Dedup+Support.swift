public import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO

/// Copies standard input to a temporary file, for commands that read their input twice.
enum StandardInputSpool {
    static func replacingStandardInput(in inputs: [String]) throws -> ([String], String?) {
        guard inputs.contains("-") else { return (inputs, nil) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-stdin-\(UUID().uuidString)").path
        let bytes = try ByteStream(path: "-").readAll()
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (inputs.map { $0 == "-" ? path : $0 }, path)
    }
}

/// Writes the corpus without the dropped documents: a second pass over the inputs.
enum DeduplicatedCorpus {
    /// Each record read again must be the one the first pass read (same id, same text hash, same
    /// count): an input rewritten during the run is an error, and the output file appears only
    /// complete (``AtomicFile``).
    static func write(inputs: [String], options: CorpusOptions, documents: [DedupDocument], dropping dropped: Set<Int>,
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

extension DedupOptions.Verification: ArgumentParser.ExpressibleByArgument {}
extension KeepPolicy: ArgumentParser.ExpressibleByArgument {}
