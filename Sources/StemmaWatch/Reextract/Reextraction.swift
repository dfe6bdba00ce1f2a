public import StemmaCore
public import StemmaStore

/// What reading one document's captures again gives: which of its versions now read otherwise,
/// and the versions to store in their place.
public struct Reextraction: Sendable {
    /// A version whose capture now reads as junk (an empty article, an error page, or one far
    /// shorter than its stored text): its stored text is kept.
    public struct Kept: Sendable, Equatable {
        public var version: Int
        public var reason: String
    }

    public var documentID: String
    /// The versions stored now.
    public var versionsBefore: Int
    /// The versions whose text the captures now read otherwise.
    public var changed: [Int]
    public var kept: [Kept]
    /// The versions after the change: versions whose texts now read alike are one version.
    public var versionsAfter: Int
    /// The versions to store, one per stored version, in order.
    public var versions: [RereadVersion]

    /// Whether anything would be stored otherwise.
    public var changesHistory: Bool { !changed.isEmpty }
}

/// Why a document cannot be read again.
public enum ReextractionError: Error, CustomStringConvertible, Equatable {
    /// A version with neither a capture nor a stored text (indexed with `--no-text`).
    case noText(documentID: String, version: Int)

    public var description: String {
        switch self {
        case .noText(let id, let version):
            "\(id): version \(version) has neither a capture nor a stored text, so the history cannot be rebuilt"
        }
    }
}
