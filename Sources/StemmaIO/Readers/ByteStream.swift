import CZlib
import Foundation

/// Reads a file, a gzip-compressed file or standard input in chunks.
///
/// A regular file that does not start with the gzip magic bytes is read with `read(2)` straight
/// into the caller's memory; anything else (gzip files, standard input, pipes) goes through zlib's
/// `gzread`, which decompresses gzip and passes other bytes through as they are.
public final class ByteStream {
    public let path: String
    private var source: Source
    private var finished = false
    /// Bytes read so far from a plain file: the offset of the next read, for error messages.
    private var position = 0
    /// The chunk that ``read(into:maximum:)`` reads into before appending.
    private var scratch: UnsafeMutableRawBufferPointer?
    /// Bytes read ahead to look for a byte order mark, handed out before anything else.
    private var pending: [UInt8] = []
    /// The length of the UTF-8 byte order mark skipped at the start (0 or 3): the stream's first
    /// byte is this far into the file.
    public private(set) var startOffset = 0
    /// When not empty, each read returns at most the next of these counts (cycling), so that tests
    /// and fuzzers see records cut at every possible place.
    var readSizes: [Int] = []
    private var readCount = 0

    private enum Source {
        /// A regular file read as it is, by its descriptor.
        case plain(Int32)
        case zlib(gzFile)
        /// Bytes in memory, for tests and fuzzers: the bytes and the offset of the next read.
        case memory([UInt8], Int)
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Opens `path`, or standard input for `-`.
    ///
    /// - Throws: ``ReadError`` when the file is missing, a directory or unreadable.
    public init(path: String) throws {
        self.path = path
        if path == "-" {
            guard let file = gzdopen(dup(STDIN_FILENO), "rb") else {
                throw ReadError(file: path, reason: .unreadable("cannot read standard input"))
            }
            source = .zlib(file)
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReadError(file: path, reason: .notFound)
            }
            guard !isDirectory.boolValue else { throw ReadError(file: path, reason: .isDirectory) }
            source = try Self.source(path)
        }
        if case .zlib(let file) = source { gzbuffer(file, 1 << 17) }
        try skipByteOrderMark()
    }

    /// A stream over bytes in memory, read as standard input would be, under the name `path`.
    init(path: String, bytes: [UInt8], readSizes: [Int] = []) throws {
        self.path = path
        self.source = .memory(bytes, 0)
        self.readSizes = readSizes
        try skipByteOrderMark()
    }

    /// Drops a leading UTF-8 byte order mark, as Excel and Notepad write: it hid a CSV header's
    /// first column and made JSONL on standard input look like text (issue 11). Every reader reads
    /// through here, so none sees one.
    private func skipByteOrderMark() throws {
        var head = [UInt8](repeating: 0, count: 3)
        var count = 0
        while count < 3 {
            let read = try head.withUnsafeMutableBytes { head in
                try readSource(into: UnsafeMutableRawBufferPointer(rebasing: head[count...]))
            }
            if read == 0 { break }
            count += read
        }
        if count == 3 && head == Self.byteOrderMark {
            startOffset = 3
        } else {
            pending = Array(head[..<count])
        }
        // The end of a short input is read again, as the end, by the next read.
        finished = false
    }

    /// A regular file without the gzip magic bytes (`1F 8B`, which is how zlib tells) is plain.
    /// Anything else is opened by zlib by its path, as before there was a plain path, so that
    /// zlib's messages name the file.
    private static func source(_ path: String) throws -> Source {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
            let descriptor = openForReading(path)
            guard descriptor >= 0 else { throw ReadError(file: path, reason: .unreadable(String(cString: strerror(errno)))) }
            var magic: (UInt8, UInt8) = (0, 0)
            let count = withUnsafeMutableBytes(of: &magic) { pread(descriptor, $0.baseAddress, 2, 0) }
            guard count >= 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw ReadError(file: path, offset: 0, reason: .unreadable(reason))
            }
            if count < 2 || magic != (0x1F, 0x8B) { return .plain(descriptor) }
            close(descriptor)
        }
        guard let file = gzopen(path, "rb") else {
            throw ReadError(file: path, reason: .unreadable(String(cString: strerror(errno))))
        }
        return .zlib(file)
    }

    /// Whether the bytes are read as they are in a file (not decompressed, not standard input), so
    /// that offsets into the stream are offsets into the file. Known after the first read.
    public var isPlainFile: Bool {
        switch source {
        case .plain: return true
        case .zlib(let file): return path != "-" && gzdirect(file) != 0
        case .memory: return false
        }
    }

    deinit {
        switch source {
        case .plain(let descriptor): close(descriptor)
        case .zlib(let file): gzclose(file)
        case .memory: break
        }
        scratch?.deallocate()
    }

    /// Appends up to `maximum` more bytes to `buffer`; returns false at the end of the input.
    ///
    /// - Throws: ``ReadError`` for an unreadable file or a corrupt or truncated gzip stream.
    public func read(into buffer: inout [UInt8], maximum: Int = 1 << 20) throws -> Bool {
        if scratch.map({ $0.count < maximum }) ?? true {
            scratch?.deallocate()
            scratch = .allocate(byteCount: maximum, alignment: 16)
        }
        guard let scratch else { return false }
        let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[..<maximum]))
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[..<count]))
        return count > 0
    }

    /// Reads up to `destination.count` bytes into `destination`; returns how many, 0 at the end
    /// of the input. A short count is not the end.
    ///
    /// - Throws: ``ReadError`` for an unreadable file or a corrupt or truncated gzip stream.
    func read(into destination: UnsafeMutableRawBufferPointer) throws -> Int {
        var destination = destination
        if !readSizes.isEmpty {
            let limit = max(1, readSizes[readCount % readSizes.count])
            readCount += 1
            destination = UnsafeMutableRawBufferPointer(rebasing: destination[..<min(destination.count, limit)])
        }
        guard !pending.isEmpty, destination.count > 0 else { return try readSource(into: destination) }
        // The bytes read ahead, and as many more as fit, so that a read is not cut short by them.
        let count = min(destination.count, pending.count)
        destination.copyBytes(from: pending[..<count])
        pending.removeFirst(count)
        return count + (try readSource(into: UnsafeMutableRawBufferPointer(rebasing: destination[count...])))
    }

    private func readSource(into destination: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, let base = destination.baseAddress, destination.count > 0 else { return 0 }
        switch source {
        case .memory(let bytes, let offset):
            let count = min(destination.count, bytes.count - offset)
            bytes.withUnsafeBytes { all in
                UnsafeMutableRawBufferPointer(rebasing: destination[..<count])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset..<(offset + count)]))
            }
            source = .memory(bytes, offset + count)
            finished = count == 0
            return count
        case .plain(let descriptor):
            while true {
                let count = readDescriptor(descriptor, base, destination.count)
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else {
                    throw ReadError(file: path, offset: position, reason: .unreadable(String(cString: strerror(errno))))
                }
                position += count
                finished = count == 0
                return count
            }
        case .zlib(let file):
            let count = gzread(file, base, UInt32(min(destination.count, Int(Int32.max))))
            if count < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
                throw ReadError(file: path, reason: .unreadable(message))
            }
            if count == 0 {
                finished = true
                // A truncated gzip stream ends with a zero-byte read and the error set, not a -1.
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? ""
                if code != Z_OK && code != Z_STREAM_END {
                    throw ReadError(file: path, reason: .unreadable("corrupt or truncated gzip data (\(message))"))
                }
            }
            return Int(count)
        }
    }

    /// The whole input.
    public func readAll() throws -> [UInt8] {
        var bytes: [UInt8] = []
        while try read(into: &bytes) {}
        return bytes
    }
}

// Outside the class, whose `read` methods would hide the system calls.
private func openForReading(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC) }
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
