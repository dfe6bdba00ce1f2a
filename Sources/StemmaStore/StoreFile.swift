import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

/// Checks on a store's file before and after SQLite opens it, so that a failure says what is wrong
/// (SQLite alone says "unable to open database file" for a missing folder, a directory, a
/// permission or a read-only file alike).
enum StoreFile {
    /// Refuses a file that is not SQLite before SQLite could treat it as empty and write over it,
    /// and, for `readOnly`, a store that does not exist.
    static func check(_ path: String, readOnly: Bool) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if readOnly || errno != ENOENT { throw openFailure(path, readOnly: readOnly, error: nil) }
            return  // a new store
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw StoreError.cannotOpen(path: path, reason: "is a directory") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 16)
        let count = read(descriptor, &header, 16)
        guard count == 0 || (count == 16 && header == Array("SQLite format 3\u{0}".utf8)) else {
            throw StoreError.notADatabase(path: path, reason: "no SQLite header")
        }
    }

    /// Whether the folder is writable (SQLite writes the WAL beside the file) and so is the file,
    /// when it exists.
    static func isWritable(_ path: String) -> Bool {
        let folder = folder(of: path)
        return access(folder, W_OK) == 0 && (access(path, F_OK) != 0 || access(path, W_OK) == 0)
    }

    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    }

    /// Why opening `path` failed, found by looking at the file and its folder.
    static func openFailure(_ path: String, readOnly: Bool, error: (any Error)?) -> StoreError {
        let folder = folder(of: path)
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            if stat(folder, &info) != 0 { return .cannotOpen(path: path, reason: "no such folder \(folder)") }
            if code == ENOENT {
                if readOnly { return .cannotOpen(path: path, reason: "no such index; create it with stemma index add") }
                if access(folder, W_OK) != 0 {
                    return .cannotOpen(path: path, reason: "cannot create it in \(folder): \(String(cString: strerror(errno)))")
                }
            }
            return .cannotOpen(path: path, reason: String(cString: strerror(code)))
        }
        if access(path, R_OK) != 0 { return .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        if !readOnly, !isWritable(path) {
            // errno is the failed access(2) of isWritable's.
            return .cannotOpen(path: path, reason: "read-only (\(String(cString: strerror(errno)))); commands that only read can still use it")
        }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path, reason: error.message ?? "corrupt")
            case .SQLITE_READONLY: return .cannotOpen(path: path, reason: "read-only; commands that only read can still use it")
            default: return .cannotOpen(path: path, reason: error.message ?? "SQLite error \(error.resultCode.rawValue)")
            }
        }
        return .cannotOpen(path: path, reason: error.map { "\($0)" } ?? "unknown error")
    }
}
