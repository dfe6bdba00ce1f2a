/// An indexed version that a text matches.
public struct IndexMatch: Sendable, Equatable {
    public var documentID: String
    public var version: Int
    public var date: String?
    public var title: String?
    /// Estimated Jaccard similarity of the shingle sets.
    public var jaccard: Double
    /// Estimated share of the query's shingles found in the indexed version.
    public var containmentOfQuery: Double
    /// Estimated share of the indexed version's shingles found in the query.
    public var containmentOfIndexed: Double

    public init(documentID: String, version: Int, date: String? = nil, title: String? = nil, jaccard: Double, containmentOfQuery: Double, containmentOfIndexed: Double) {
        self.documentID = documentID
        self.version = version
        self.date = date
        self.title = title
        self.jaccard = jaccard
        self.containmentOfQuery = containmentOfQuery
        self.containmentOfIndexed = containmentOfIndexed
    }
}
