package import StemmaIO
package import StemmaStore

/// One match as JSON: a line of `stemma match --format json`, and an element of the `matches` of
/// `POST /api/match`.
package struct MatchRecord: Sendable {
    var id: String
    var version: Int
    var date: String?
    var title: String?
    var jaccard: Double
    var containmentOfQuery: Double
    var containmentOfIndexed: Double
    /// What changed from the match to the text, when asked for and the index keeps texts.
    var summary: DiffSummary?

    package init(_ match: StoreMatch, summary: DiffSummary? = nil) {
        id = match.documentID
        version = match.version
        date = match.date
        title = match.title
        jaccard = match.jaccard
        containmentOfQuery = match.containmentOfQuery
        containmentOfIndexed = match.containmentOfIndexed
        self.summary = summary
    }
}

extension MatchRecord {
    /// Keys sorted, as the other responses' and reports'.
    package var jsonValue: JSONValue {
        func counts<Key: RawRepresentable<String>>(_ values: [Key: Int]) -> JSONValue {
            .object(values.map { ($0.key.rawValue, JSONValue.int($0.value)) }.sorted { $0.0 < $1.0 })
        }
        var members: [(String, JSONValue)] = []
        if let summary { members.append(("changes", counts(summary.operations))) }
        members += [("containmentOfIndexed", .double(containmentOfIndexed)), ("containmentOfQuery", .double(containmentOfQuery))]
        if let date { members.append(("date", .string(date))) }
        members += [("id", .string(id)), ("jaccard", .double(jaccard))]
        if let summary { members += [("summary", .string(summary.line)), ("tags", counts(summary.tags))] }
        if let title { members.append(("title", .string(title))) }
        members.append(("version", .int(version)))
        return .object(members)
    }
}
