/// Why an input could not be read, with the file and, where it helps, the byte offset.
///
/// Its description is one line for standard error: `stemma: old.txt: byte 1042: invalid UTF-8`.
public struct ReadError: Error, CustomStringConvertible, Equatable {
    public enum Reason: Equatable, Sendable {
        case notFound
        case isDirectory
        case unreadable(String)
        /// A NUL byte: the file is binary, not text.
        case binary
        /// A byte sequence that is not UTF-8; `--lossy` replaces such bytes.
        case invalidUTF8
        /// UTF-16 text (a UTF-16 byte order mark, or NULs in every other byte), which Stemma does
        /// not convert: saying "binary" sent users looking for the wrong problem.
        case utf16
        /// A record or file over ``CorpusOptions/maxRecordBytes``: the limit.
        case tooLarge(Int)
        case malformed(String)
    }

    public var file: String
    /// The byte offset of the problem, where there is one.
    public var offset: Int?
    /// The line of the problem, for line-based formats.
    public var line: Int?
    /// The last line of a problem spanning several (a CSV record whose quote swallowed lines).
    public var lastLine: Int?
    public var reason: Reason

    public init(file: String, offset: Int? = nil, line: Int? = nil, lastLine: Int? = nil, reason: Reason) {
        self.file = file
        self.offset = offset
        self.line = line
        if let line, let lastLine, lastLine > line { self.lastLine = lastLine } else { self.lastLine = nil }
        self.reason = reason
    }

    /// The reason alone, as the description ends: `invalid UTF-8 (use --lossy to replace bad bytes)`.
    public var reasonText: String {
        switch reason {
        case .notFound: return "no such file"
        case .isDirectory: return "is a directory, not a text file"
        case .unreadable(let message): return "cannot read: \(message)"
        case .binary: return "binary file (NUL byte), not text"
        case .invalidUTF8: return "invalid UTF-8 (use --lossy to replace bad bytes)"
        case .utf16: return "UTF-16 text (convert to UTF-8)"
        case .tooLarge(let limit): return "larger than the limit of \(limit) bytes for one record"
        case .malformed(let message): return message
        }
    }

    public var description: String {
        var parts = [file]
        if let line { parts.append(lastLine.map { "lines \(line)–\($0)" } ?? "line \(line)") }
        if let offset { parts.append("byte \(offset)") }
        parts.append(reasonText)
        return parts.joined(separator: ": ")
    }
}
