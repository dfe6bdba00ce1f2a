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
    static func write(inputs: [String], options: CorpusOptions, dropping dropped: Set<Int>, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ReadError(file: path, reason: .unreadable("cannot create the file"))
        }
        defer { try? handle.close() }
        var index = 0
        var pending: [UInt8] = []
        try CorpusReader(inputs: inputs, options: options).forEach(report: { _ in }) { record in
            defer { index += 1 }
            guard !dropped.contains(index) else { return }
            pending += CorpusWriter.jsonLine(record)
            if pending.count > 1 << 20 {
                handle.write(Data(pending))
                pending.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(pending))
    }
}

extension DedupOptions.Verification: ArgumentParser.ExpressibleByArgument {}
extension KeepPolicy: ArgumentParser.ExpressibleByArgument {}
