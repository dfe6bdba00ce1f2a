/// What indexing a document did.
public enum AddOutcome: Sendable, Equatable {
    /// The same id with the same content was indexed already, as this version number (the
    /// latest): nothing changed.
    case unchanged(Int)
    /// A new document.
    case added
    /// New content for a known id, recorded as this version number.
    case newVersion(Int)
}
