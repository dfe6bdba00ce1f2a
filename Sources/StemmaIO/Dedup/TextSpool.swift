import Foundation

/// The texts of records that cannot be read again cheaply (pages extracted from HTML, records of
/// a web archive, gzip members), written to a temporary file as they are sketched, so that exact
/// verification reads them back by offset instead of extracting the whole corpus a second time.
///
/// `stemma dedup` on a 437 MB WARC spent half its 9 s extracting every page again for the
/// near-threshold pairs. A write that fails (a full disk) stops the spooling; the records after it
/// are then read again the old way. Each write is a `write(2)`, so the fetcher's own handle sees it.
final class TextSpool {
    let path: String
    private var handle: FileHandle?
    private var offset = 0

    init?() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-spool-\(UUID().uuidString).txt").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else { return nil }
        self.handle = handle
    }

    deinit {
        try? handle?.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Where `text` can be read again, or nil when the spool cannot take it.
    func append(_ text: [UInt8]) -> RecordOrigin? {
        guard let handle else { return nil }
        do {
            try handle.write(contentsOf: text)
        } catch {
            try? handle.close()
            self.handle = nil
            return nil
        }
        defer { offset += text.count }
        return RecordOrigin(path: path, offset: offset, length: text.count, kind: .textFile)
    }
}
