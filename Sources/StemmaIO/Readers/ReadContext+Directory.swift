import StemmaCore
import Foundation

/// Reading a directory, as ripgrep walks one: a symbolic link given as the input is followed;
/// links inside are followed only with ``CorpusOptions/followLinks`` and otherwise skipped without
/// a word; every entry that cannot be read is reported (path and reason) and the walk goes on.
///
/// `FileManager`'s enumerator did not descend into a linked root (0 documents, exit 0), skipped
/// unreadable subdirectories silently while an unreadable file stopped the run (issue 11).
extension ReadContext {
    mutating func readDirectory(_ root: String) throws {
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        var status = stat()
        guard stat(rootPath, &status) == 0 else {
            throw ReadError(file: root, reason: .unreadable(String(cString: strerror(errno))))
        }
        var files: [String] = []
        try walk(rootPath, relative: "", ancestors: [FileID(status)], into: &files, isRoot: true)
        for relative in files.sorted() {
            let path = rootPath + "/" + relative
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
    }

    /// Adds the text files below `path` to `files`, by their paths relative to the root.
    /// `ancestors` are the directories above, to stop at a followed link that loops.
    private func walk(_ path: String, relative: String, ancestors: Set<FileID>, into files: inout [String], isRoot: Bool = false) throws {
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
                if CorpusReader.format(of: name) == .text { files.append(childRelative) }
            default:
                // A FIFO would block the read; a device is no text.
                if CorpusReader.format(of: name) == .text { try unreadable(full, .unreadable("not a regular file")) }
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
