/// One version in a family's history, with what changed from the version it most likely derives from.
public struct HistoryEntry: Sendable {
    public var documentID: String
    public var version: Int
    /// The date given, or nil when it was missing and the order was inferred from insertion.
    public var date: String?
    /// The index in the history of the earlier version this one most likely derives from.
    public var parent: Int?
    /// Operations of the diff from the parent, by kind (empty for the first version or without texts).
    public var changes: [DiffOperation.Kind: Int]
    /// How many operations carry each tag.
    public var tags: [ChangeTag: Int]
    /// Bytes inserted and deleted by the edit script from the parent: the edit distance used to choose it.
    public var editedBytes: Int?

    public init(documentID: String, version: Int, date: String?, parent: Int? = nil, changes: [DiffOperation.Kind: Int] = [:],
                tags: [ChangeTag: Int] = [:], editedBytes: Int? = nil) {
        self.documentID = documentID
        self.version = version
        self.date = date
        self.parent = parent
        self.changes = changes
        self.tags = tags
        self.editedBytes = editedBytes
    }
}
