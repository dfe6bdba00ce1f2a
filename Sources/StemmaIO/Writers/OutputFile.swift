#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why output could not be written: a full disk, a closed descriptor, a reader that went away.
///
/// Its description is one line for standard error: `write error: out.jsonl: No space left on device`.
public struct WriteError: Error, CustomStringConvertible, Equatable {
    /// The file written, or `standard output`.
    public var path: String
    /// The `errno` of the failed call.
    public var code: Int32
    /// What was being done, when it was not the write itself (`rename`, `fsync`).
    public var operation: String?

    public init(path: String, code: Int32, operation: String? = nil) {
        self.path = path
        self.code = code
        self.operation = operation
    }

    /// The reader of a pipe closed it (`stemma … | head`): not an error to report.
    public var isBrokenPipe: Bool { code == EPIPE }

    public var description: String {
        "write error: \(path): " + (operation.map { "\($0): " } ?? "") + String(cString: strerror(code))
    }
}

/// Writes all of `buffer` to `descriptor`, retrying short writes and interruptions.
///
/// Foundation's `FileHandle.write(_:)` traps on any failure (a full disk, `EPIPE`, `EBADF`); this
/// throws instead, so that every write error becomes one line and exit status 2.
func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
    guard var next = buffer.baseAddress else { return }
    var remaining = buffer.count
    while remaining > 0 {
        let written = write(descriptor, next, remaining)
        if written < 0 {
            if errno == EINTR { continue }
            throw WriteError(path: path, code: errno)
        }
        next += written
        remaining -= written
    }
}

/// Standard output, written through checked `write(2)` calls.
public enum StandardOutput {
    /// - Throws: ``WriteError``; ``WriteError/isBrokenPipe`` when the reader has gone.
    public static func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try writeAll($0, to: STDOUT_FILENO, path: "standard output") }
    }

    public static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try writeAll(UnsafeRawBufferPointer($0), to: STDOUT_FILENO, path: "standard output") }
    }
}

/// Standard error, for messages and the progress bar.
public enum StandardError {
    /// Writes `text`; a failure is ignored, since there is nowhere left to report it (`2>&-`).
    public static func write(_ text: String) {
        var text = text
        text.withUTF8 { try? writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO, path: "standard error") }
    }
}

/// An output file written under a temporary name beside it and renamed into place once complete.
///
/// A reader never sees a half-written file: a full disk, a killed process or an error leaves the
/// previous file (or none) and, at worst, a `.NAME.*.tmp` file that an unfinished ``commit()``
/// removes. The data is flushed with `fsync` before the rename, as SQLite and git do.
///
/// ```swift
/// let file = try AtomicFile(path: "kept.jsonl")
/// try file.write(bytes)
/// try file.commit()
/// ```
public final class AtomicFile {
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var pending: [UInt8] = []

    /// Creates the temporary file in the target's folder (a rename stays within one file system).
    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var attempt = 0
        while true {
            let candidate = folder + ".\(name).\(String(UInt32.random(in: 0...UInt32.max), radix: 16)).tmp"
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if opened >= 0 {
                temporaryPath = candidate
                descriptor = opened
                return
            }
            attempt += 1
            if errno != EEXIST || attempt > 16 { throw WriteError(path: path, code: errno, operation: "create") }
        }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    /// Appends `bytes`, written in blocks of 1 MiB.
    public func write(_ bytes: [UInt8]) throws {
        pending += bytes
        if pending.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        try pending.withUnsafeBytes { try writeAll($0, to: descriptor, path: path) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` as the whole of `path`, atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    /// Writes what is buffered, flushes it to disk and renames the file into place.
    public func commit() throws {
        try flush()
        if fsync(descriptor) != 0 { throw WriteError(path: path, code: errno, operation: "fsync") }
        let closed = close(descriptor)
        descriptor = -1
        if closed != 0 {
            let code = errno
            unlink(temporaryPath)
            throw WriteError(path: path, code: code, operation: "close")
        }
        if rename(temporaryPath, path) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw WriteError(path: path, code: code, operation: "rename")
        }
    }
}
