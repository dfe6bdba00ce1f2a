/// What a takedown removed, as `DELETE /api/documents/{id}` answers: `{"families", "id",
/// "versions"}`, `families` being the families the document's former family is now, sorted
/// (none when it was alone).
package struct RemovalRecord: Sendable, Equatable, JSONRecord {
    package var id: String
    /// Versions removed.
    package var versions: Int
    package var families: [String]

    package init(id: String, versions: Int, families: [String]) {
        self.id = id
        self.versions = versions
        self.families = families
    }

    package var jsonValue: JSONValue {
        .object([("families", .strings(families)), ("id", .string(id)), ("versions", .int(versions))])
    }
}
