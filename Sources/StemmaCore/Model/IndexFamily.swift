/// A family of indexed documents: versions and copies of one text.
public struct IndexFamily: Sendable, Equatable {
    public var name: String
    /// Member ids, earliest dated first, then by id.
    public var members: [String]
    public var earliestDate: String?
    public var latestDate: String?

    public init(name: String, members: [String], earliestDate: String? = nil, latestDate: String? = nil) {
        self.name = name
        self.members = members
        self.earliestDate = earliestDate
        self.latestDate = latestDate
    }
}
