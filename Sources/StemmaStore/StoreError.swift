/// Why a Stemma database cannot be used, in one line for standard error.
public enum StoreError: Error, Equatable, CustomStringConvertible {
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

    public var description: String {
        switch self {
        case .notADatabase(let path, let reason): return "\(path): not a Stemma database (\(reason)); nothing was changed"
        case .notAStemmaDatabase(let path): return "\(path): a SQLite database, but not Stemma's; nothing was changed"
        case .newerSchema(let path): return "\(path): made by a newer Stemma (unknown schema version); nothing was changed"
        case .parametersMismatch(let path, let stored, let requested):
            return "\(path): made with \(stored), not \(requested); use those parameters or another --db"
        case .corruptBucketBlock(let bytes):
            return "a bucket block of \(bytes) bytes does not match its entry count; the index is damaged (rebuild it with index add into a new --db)"
        case .corruptTextBlock(let id, let reason):
            return "text block \(id) is damaged (\(reason)); rebuild the index with index add into a new --db"
        }
    }
}
