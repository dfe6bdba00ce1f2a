import Foundation

/// Reads single records back from their origins, without reading the rest of their files.
final class RecordFetcher {
    let options: CorpusOptions
    private var handles: [String: FileHandle] = [:]

    init(options: CorpusOptions) {
        self.options = options
    }

    deinit {
        for handle in handles.values { try? handle.close() }
    }

    /// The record's text, checked and decoded exactly as the reader did the first time.
    func text(at origin: RecordOrigin) throws -> [UInt8] {
        let bytes = try read(origin)
        var raw = bytes
        if origin.kind == .jsonLine {
            // The same rule as the first read (the first of repeated keys wins), so that both see
            // the same text.
            raw = try bytes.withUnsafeBufferPointer { line -> [UInt8] in
                do { return try JSONLineRecord(line: line, options: options).text } catch {
                    throw ReadError(file: origin.path, offset: origin.offset, reason: .malformed("changed since it was read"))
                }
            }
        }
        return try TextInput.decode(raw, path: origin.path, lossy: options.lossy).bytes
    }

    private func read(_ origin: RecordOrigin) throws -> [UInt8] {
        let handle: FileHandle
        if let open = handles[origin.path] {
            handle = open
        } else {
            guard let opened = FileHandle(forReadingAtPath: origin.path) else {
                throw ReadError(file: origin.path, reason: .unreadable("cannot open it again"))
            }
            handles[origin.path] = opened
            handle = opened
        }
        try handle.seek(toOffset: UInt64(origin.offset))
        let data = try handle.read(upToCount: origin.length) ?? Data()
        guard data.count == origin.length else {
            throw ReadError(file: origin.path, offset: origin.offset, reason: .malformed("changed since it was read"))
        }
        return Array(data)
    }
}
