import StemmaCore
import Foundation

/// Reading a directory, as ripgrep walks one: a symbolic link given as the input is followed;
/// links inside are followed only with ``CorpusOptions/followLinks`` and otherwise skipped without
/// a word; every entry that cannot be read is reported (path and reason) and the walk goes on.
///
/// `FileManager`'s enumerator did not descend into a linked root (0 documents, exit 0), skipped
/// unreadable subdirectories silently while an unreadable file stopped the run (issue 11).
///
/// Regular files no reader takes (`.pdf`, images; pages and archives without a web reader) and JSONL or CSV files, which a walk
/// does not read as record files, are counted and named in one warning each, so that a corpus is
/// never silently read in part (issue 12).
extension ReadContext {
    /// The most file names one warning about skipped files lists.
    static let namedSkippedFiles = 5

    /// `dir/: 3 files no reader takes, skipped: a.html, b.pdf, c.png`.
    static func skippedFilesWarning(_ root: String, count: Int, what: String, names: [String]) -> ReadError {
        let shown = names.prefix(namedSkippedFiles).joined(separator: ", ")
        let more = names.count > namedSkippedFiles ? " and \(names.count - namedSkippedFiles) more" : ""
        let folder = root.hasSuffix("/") ? root : root + "/"
        return ReadError(file: folder, reason: .malformed("\(count) \(count == 1 ? "file" : "files") \(what), skipped: \(shown)\(more)"))
    }
}

/// The files of a walk: those read, and those skipped for their kind, by relative path.
struct WalkedFiles {
    var texts: [String] = []
    var unknown: [String] = []
    var records: [String] = []
}

extension ReadContext {
    mutating func readDirectory(_ root: String) throws {
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        var status = stat()
        guard stat(rootPath, &status) == 0 else {
            throw ReadError(file: root, reason: .unreadable(String(cString: strerror(errno))))
        }
        var files = WalkedFiles()
        try walk(rootPath, relative: "", ancestors: [FileID(status)], into: &files, isRoot: true)
        if !files.unknown.isEmpty {
            try report(CorpusIssue(error: Self.skippedFilesWarning(root, count: files.unknown.count, what: "no reader takes",
                                                                   names: files.unknown.sorted()), isSkipped: false))
        }
        if !files.records.isEmpty {
            try report(CorpusIssue(error: Self.skippedFilesWarning(root, count: files.records.count,
                                                                   what: "of JSONL or CSV records (name them as inputs to read them)",
                                                                   names: files.records.sorted()), isSkipped: false))
        }
        var pages = PageBatch(root: rootPath)
        for relative in files.texts.sorted() {
            let path = rootPath + "/" + relative
            switch CorpusReader.format(of: relative) {
            case .html:
                if let page = try readPageBytes(path, id: relative) { pages.inputs.append(page) }
                if pages.isFull { try flush(&pages) }
                continue
            case .archive:
                try flush(&pages, final: true)
                do { try readArchive(path, name: path) } catch let error as ReadError { try report(CorpusIssue(error: error, isSkipped: true)) }
                continue
            default: try flush(&pages, final: true)
            }
            let stream: ByteStream
            let bytes: [UInt8]
            do {
                stream = try open(path)
                bytes = try TextInput.readChecked(stream, lossy: options.lossy, maximumBytes: options.maxRecordBytes,
                                                chunk: options.chunkSize)
            } catch let error as ReadError {
                try report(CorpusIssue(error: error, isSkipped: true))
                continue
            }
            guard let text = try validatedText(bytes, location: path) else { continue }
            var record = CorpusRecord(Document(id: relative, text: text, date: Self.markerDate(text)), location: path)
            if !path.hasSuffix(".gz") {
                record.origin = RecordOrigin(path: path, offset: stream.startOffset, length: bytes.count, kind: .textFile)
            }
            try emit(record, path: path)
        }
        try flush(&pages, final: true)
    }

    /// Adds the regular files below `path` to `files`, by their paths relative to the root.
    /// `ancestors` are the directories above, to stop at a followed link that loops.
    private func walk(_ path: String, relative: String, ancestors: Set<FileID>, into files: inout WalkedFiles, isRoot: Bool = false) throws {
        guard let directory = opendir(path) else {
            let reason = ReadError.Reason.unreadable(String(cString: strerror(errno)))
            if isRoot { throw ReadError(file: path, reason: reason) }
            try unreadable(path, reason)
            return
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(name) }  // hidden files, and `.` and `..`
        }
        for name in names.sorted() {
            let full = path + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(full, &status) == 0 else {
                try unreadable(full, .unreadable(String(cString: strerror(errno))))
                continue
            }
            if status.st_mode & S_IFMT == S_IFLNK {
                guard options.followLinks else { continue }
                guard stat(full, &status) == 0 else {
                    try unreadable(full, .unreadable("symbolic link to nothing readable (\(String(cString: strerror(errno))))"))
                    continue
                }
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                let id = FileID(status)
                guard !ancestors.contains(id) else {
                    try unreadable(full, .unreadable("symbolic link loop: it leads back to a directory above it"))
                    continue
                }
                try walk(full, relative: childRelative, ancestors: ancestors.union([id]), into: &files)
            case S_IFREG:
                switch CorpusReader.format(of: name) {
                case .text: files.texts.append(childRelative)
                case .html, .archive:
                    if options.web != nil { files.texts.append(childRelative) } else { files.unknown.append(childRelative) }
                case .jsonl, .csv: files.records.append(childRelative)
                case nil: files.unknown.append(childRelative)
                }
            default:
                // A FIFO would block the read; a device is no text.
                if [.text, .html, .archive].contains(CorpusReader.format(of: name)) { try unreadable(full, .unreadable("not a regular file")) }
            }
        }
    }

    private func unreadable(_ path: String, _ reason: ReadError.Reason) throws {
        try report(CorpusIssue(error: ReadError(file: path, reason: reason), isSkipped: true))
    }
}

/// A file's identity: its device and inode.
struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
