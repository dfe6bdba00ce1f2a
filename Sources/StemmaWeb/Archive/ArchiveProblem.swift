/// A damaged or oversized record in a web archive, which the reader skipped before going on.
///
/// Real archives are damaged in ordinary ways (a crawler killed mid-write, a bad disk block, a
/// wrong `Content-Length`), and one bad record must not cost the rest of a file. So the reader
/// reports each damage once, with the byte offset where it lies, and reads on.
public struct ArchiveProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the damaged record (or gzip member) starts in the file. For a gzip file this is the
    /// compressed offset of the member that holds it, the place a reader can seek to.
    public var offset: Int
    /// A short lower-case phrase, such as
    /// `truncated record: Content-Length 5000 runs past the end of the file`.
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "byte \(offset): \(message)" }
}
