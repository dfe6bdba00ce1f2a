import Foundation

/// Reads the documents out of a web archive: WARC 1.0 or 1.1, or ARC, plain or gzip-compressed
/// (one gzip member per record, or one for the whole file), as a stream.
///
/// The file is read in chunks from its descriptor and never held whole: memory is the window that
/// holds the largest wanted record, whatever the file's size. Records a reader of documents does
/// not want (`request`, `metadata`, `warcinfo`, `revisit`, `continuation`) are passed over by
/// their headers, their blocks inflated and dropped unparsed, which is where a fast WARC reader
/// gains over a slow one. Damage is reported once per damaged record, with its offset, and the
/// reading goes on with the next sound record.
///
/// ```swift
/// let reader = try ArchiveReader(path: "crawl.warc.gz")
/// try reader.forEach(problem: { print("\($0)") }) { record in
///     if record.isHTMLOrText { documents.append(record.payload) }
/// }
/// print(reader.skipped)  // ["request records": 120, "non-2xx responses": 3]
/// ```
///
/// - Complexity: O(*n*) in the file's size, with memory O(window + largest kept record).
public final class ArchiveReader {
    /// The file read, or `nil` for bytes in memory.
    public let path: String?
    public let options: ArchiveOptions
    /// How many sound records the last ``forEach(problem:_:)`` passed over, by reason: the
    /// raw values of ``ArchiveSkipReason``, such as `"request records"`.
    public private(set) var skipped: [String: Int] = [:]

    private let descriptor: Int32?
    private let bytes: [UInt8]
    private let readSize: Int
    /// Whether a reading has started, after which a pipe cannot be read again.
    private var hasRead = false

    /// The size of each read: large enough that system calls and inflate calls cost little per
    /// byte, small enough to stay in the L2 cache with the window.
    package static let defaultReadSize = 1 << 18

    /// Opens an archive file for reading.
    ///
    /// - Throws: ``ArchiveProblem`` at offset 0 when the file cannot be opened or is a directory.
    public init(path: String, options: ArchiveOptions = .standard) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ArchiveProblem(offset: 0, message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw ArchiveProblem(offset: 0, message: "cannot read \(path): it is a directory")
        }
        self.path = path
        self.options = options
        self.descriptor = descriptor
        bytes = []
        readSize = Self.defaultReadSize
    }

    /// A reader of bytes in memory, gzip or plain, for tests.
    ///
    /// - Parameter readSize: the most each read returns, so that tests can cut reads anywhere.
    package init(bytes: [UInt8], options: ArchiveOptions = .standard, readSize: Int = ArchiveReader.defaultReadSize) {
        path = nil
        self.options = options
        descriptor = nil
        self.bytes = bytes
        self.readSize = max(1, readSize)
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// Calls `record` for each wanted record in file order, and `problem` for each damaged or
    /// oversized one, which is then skipped; reading goes on with the next record.
    ///
    /// Each call reads the archive from its start. An error thrown by either closure stops the
    /// reading and is rethrown.
    ///
    /// - Throws: what the closures throw, or ``ArchiveProblem`` when the file cannot be read.
    public func forEach(problem: (ArchiveProblem) throws -> Void, _ record: (ArchiveRecord) throws -> Void) throws {
        let input: ArchiveRawInput
        if let descriptor {
            guard lseek(descriptor, 0, SEEK_SET) == 0 || !hasRead else {
                throw ArchiveProblem(offset: 0, message: "cannot read \(path ?? "the archive") again: it is not seekable")
            }
            input = ArchiveRawInput(descriptor: descriptor)
            hasRead = true
        } else {
            input = ArchiveRawInput(bytes: bytes, readSize: readSize)
        }
        let scanner = ArchiveRecordScanner(stream: try ArchiveByteStream(input: input, chunkSize: readSize), options: options)
        defer {
            skipped = Dictionary(uniqueKeysWithValues: scanner.skipped.map { ($0.key.rawValue, $0.value) })
        }
        while let event = try scanner.next() {
            switch event {
            case .record(let found): try record(found)
            case .problem(let found): try problem(found)
            }
        }
    }
}
