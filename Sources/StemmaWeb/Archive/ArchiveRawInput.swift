import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The archive's bytes as stored: a file read in chunks by its descriptor, or bytes in memory.
///
/// Reading goes straight into the caller's buffer, so a plain file's bytes are copied once, from
/// the kernel into the reader's window.
final class ArchiveRawInput {
    private enum Source {
        case file(Int32, regularSize: Int64?)
        /// Bytes in memory and the most one read returns, so that tests see reads end anywhere.
        case memory([UInt8], readSize: Int)
    }

    private let source: Source
    /// The file offset of the next byte `read` returns.
    private(set) var position: Int64 = 0

    /// Wraps an open descriptor, which the caller keeps and closes.
    init(descriptor: Int32) {
        var info = stat()
        let isRegular = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        source = .file(descriptor, regularSize: isRegular ? Int64(info.st_size) : nil)
        if isRegular { position = Int64(lseek(descriptor, 0, SEEK_CUR)) }
    }

    init(bytes: [UInt8], readSize: Int) {
        source = .memory(bytes, readSize: max(1, readSize))
    }

    /// Reads up to `count` bytes into `buffer`.
    ///
    /// - Returns: the number read, 0 at the end.
    /// - Throws: ``ArchiveProblem`` when the system read fails.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        guard count > 0 else { return 0 }
        switch source {
        case .file(let descriptor, _):
            while true {
                let got = systemRead(descriptor, buffer, count)
                if got >= 0 {
                    position += Int64(got)
                    return got
                }
                guard errno == EINTR else {
                    throw ArchiveProblem(offset: Int(position), message: "cannot read: \(String(cString: strerror(errno)))")
                }
            }
        case .memory(let bytes, let readSize):
            let start = Int(position)
            let got = min(count, readSize, bytes.count - start)
            guard got > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { buffer.update(from: base + start, count: got) }
            }
            position += Int64(got)
            return got
        }
    }

    /// Moves past `count` bytes without reading them, where the source can seek (a regular file,
    /// memory); returns the number passed, fewer at the end, or `nil` where it cannot seek.
    func seekForward(_ count: Int64) -> Int64? {
        switch source {
        case .file(let descriptor, let regularSize):
            guard let size = regularSize else { return nil }
            let step = max(0, min(count, size - position))
            guard lseek(descriptor, off_t(position + step), SEEK_SET) >= 0 else { return nil }
            position += step
            return step
        case .memory(let bytes, _):
            let step = max(0, min(count, Int64(bytes.count) - position))
            position += step
            return step
        }
    }
}

/// `read(2)`, named apart from ``ArchiveRawInput/read(into:count:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
