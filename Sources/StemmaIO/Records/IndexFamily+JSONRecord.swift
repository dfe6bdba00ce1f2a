public import StemmaCore

/// A family as a line of `stemma families --format jsonl` and an element of the `families` of
/// `GET /api/families`: `{"earliest", "family", "latest", "members", "size"}`, dates left out
/// when no member has one.
extension IndexFamily: JSONRecord {
    package var jsonValue: JSONValue {
        .sortedObject([
            ("family", .string(name)), ("size", .int(members.count)), ("members", .strings(members)),
            ("earliest", earliestDate.json), ("latest", latestDate.json),
        ])
    }
}
