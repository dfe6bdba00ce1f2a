package import StemmaCore

/// One match of a text in an index: a line of `stemma match --format jsonl`, and an element of
/// the `matches` of `POST /api/match` and of `stemma match --format json`.
package struct MatchRecord: Sendable, JSONRecord {
    package var match: IndexMatch
    /// What changed from the match to the text, when asked for and the index keeps texts.
    package var summary: DiffSummary?

    package init(_ match: IndexMatch, summary: DiffSummary? = nil) {
        self.match = match
        self.summary = summary
    }

    package var jsonValue: JSONValue {
        .sortedObject([
            ("id", .string(match.documentID)), ("version", .int(match.version)), ("date", match.date.json), ("title", match.title.json),
            ("jaccard", .double(match.jaccard)), ("containmentOfQuery", .double(match.containmentOfQuery)),
            ("containmentOfIndexed", .double(match.containmentOfIndexed)),
            ("changes", summary.map { .counts($0.operations) }), ("summary", summary.map { .string($0.line) }),
            ("tags", summary.map { .counts($0.tags) }),
        ])
    }
}
