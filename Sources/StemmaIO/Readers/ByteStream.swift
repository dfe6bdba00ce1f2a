import CZlib
import Foundation

/// Reads a file, a gzip-compressed file or standard input in chunks, through zlib's `gzread`,
/// which reads uncompressed data as it is: one streaming path for every input.
public final class ByteStream {
    public let path: String
    private let file: gzFile
    private var finished = false

    /// Opens `path`, or standard input for `-`.
    ///
    /// - Throws: ``ReadError`` when the file is missing, a directory or unreadable.
    public init(path: String) throws {
        self.path = path
        if path == "-" {
            guard let file = gzdopen(dup(STDIN_FILENO), "rb") else {
                throw ReadError(file: path, reason: .unreadable("cannot read standard input"))
            }
            self.file = file
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReadError(file: path, reason: .notFound)
            }
            guard !isDirectory.boolValue else { throw ReadError(file: path, reason: .isDirectory) }
            guard let file = gzopen(path, "rb") else {
                throw ReadError(file: path, reason: .unreadable(String(cString: strerror(errno))))
            }
            self.file = file
        }
        gzbuffer(file, 1 << 17)
    }

    /// Whether the bytes are read as they are in a file (not decompressed, not standard input), so
    /// that offsets into the stream are offsets into the file. Known after the first read.
    public var isPlainFile: Bool { path != "-" && gzdirect(file) != 0 }

    deinit {
        gzclose(file)
    }

    /// Appends up to `maximum` more bytes to `buffer`; returns false at the end of the input.
    ///
    /// - Throws: ``ReadError`` for a corrupt or truncated gzip stream.
    public func read(into buffer: inout [UInt8], maximum: Int = 1 << 20) throws -> Bool {
        guard !finished else { return false }
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: maximum))
        let count = buffer.withUnsafeMutableBytes { raw in
            gzread(file, raw.baseAddress.map { $0 + start }, UInt32(maximum))
        }
        if count < 0 {
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
            buffer.removeLast(maximum)
            throw ReadError(file: path, reason: .unreadable(message))
        }
        buffer.removeLast(maximum - Int(count))
        if count == 0 {
            finished = true
            // A truncated gzip stream ends with a zero-byte read and the error set, not a -1.
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? ""
            if code != Z_OK && code != Z_STREAM_END {
                throw ReadError(file: path, reason: .unreadable("corrupt or truncated gzip data (\(message))"))
            }
        }
        return count > 0
    }

    /// The whole input.
    public func readAll() throws -> [UInt8] {
        var bytes: [UInt8] = []
        while try read(into: &bytes) {}
        return bytes
    }
}
