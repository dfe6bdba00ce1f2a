/// Why a Stemma database cannot be used, in one line for standard error.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The file or its folder cannot be opened: missing, a directory, no permission, read-only.
    case cannotOpen(path: String, reason: String)
    /// A write to a store opened read-only (or served from a file this process may not write).
    case readOnly(path: String)
    /// A read-only open of a store made by an earlier Stemma, which must be upgraded by a write first.
    case needsUpgrade(path: String)
    /// The file exists but is not a SQLite database, or is corrupt.
    case notADatabase(path: String, reason: String)
    /// The file is SQLite but was not made by Stemma.
    case notAStemmaDatabase(path: String)
    /// A later version of Stemma made it; this one does not know its schema.
    case newerSchema(path: String)
    /// It was made with other sketch parameters, so its signatures cannot be compared.
    case parametersMismatch(path: String, stored: String, requested: String)
    /// A bucket block's length does not match its entry count: the file was damaged.
    case corruptBucketBlock(bytes: Int)
    /// A text block does not decompress to its recorded length: the file was damaged.
    case corruptTextBlock(id: Int64, reason: String)
    /// A capture's body does not decompress to its recorded length: the file was damaged.
    case corruptCapture(version: Int64, reason: String)
    /// An id that ``DocumentID`` refuses (a NUL, a control character): SQLite would cut it at a NUL.
    case invalidDocumentID(id: String, reason: String)
    /// A value read from the file is NULL, of the wrong type or out of range: the file was damaged or edited.
    case corruptValue(column: String, reason: String)
    /// A document removed by another process while it was being read again.
    case removedMeanwhile(id: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "\(path): cannot open the index: \(reason)"
        case .readOnly(let path): return "\(path): the index is read-only here; nothing was added"
        case .needsUpgrade(let path):
            return "\(path): made by an earlier Stemma; upgrade it once with a command that writes (stemma index add) before reading it read-only"
        case .notADatabase(let path, let reason): return "\(path): not a Stemma database (\(reason)); nothing was changed"
        case .notAStemmaDatabase(let path): return "\(path): a SQLite database, but not Stemma's; nothing was changed"
        case .newerSchema(let path): return "\(path): made by a newer Stemma (unknown schema version); nothing was changed"
        case .parametersMismatch(let path, let stored, let requested):
            return "\(path): made with \(stored), not \(requested); leave those flags out, or use another --db"
        case .removedMeanwhile(let id):
            return "\(id) was removed from the index while it was read again; nothing was changed"
        case .corruptBucketBlock(let bytes):
            return "a bucket block of \(bytes) bytes does not match its entry count; the index is damaged (rebuild it with index add into a new --db)"
        case .corruptTextBlock(let id, let reason):
            return "text block \(id) is damaged (\(reason)); rebuild the index with index add into a new --db"
        case .corruptCapture(let version, let reason):
            return "the capture of version row \(version) is damaged (\(reason)); fetch the page again or remove the document"
        case .invalidDocumentID(let id, let reason):
            return "document \(id.debugDescription): \(reason); it was not stored"
        case .corruptValue(let column, let reason):
            return "the index is damaged: \(column): \(reason); rebuild it with index add into a new --db"
        }
    }
}
