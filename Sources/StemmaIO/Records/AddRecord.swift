package import StemmaCore

/// What adding one document did, as an element of the `documents` of a `POST /api/documents`
/// response: `{"id", "outcome", "version"}`, `outcome` one of `added`, `newVersion`, `unchanged`,
/// and `version` the document's version that holds the text.
package struct AddRecord: Sendable, Equatable, JSONRecord {
    package var id: String
    package var outcome: AddOutcome

    package init(id: String, outcome: AddOutcome) {
        self.id = id
        self.outcome = outcome
    }

    package var outcomeName: String {
        switch outcome {
        case .added: "added"
        case .newVersion: "newVersion"
        case .unchanged: "unchanged"
        }
    }

    package var version: Int {
        switch outcome {
        case .added: 1
        case .newVersion(let number), .unchanged(let number): number
        }
    }

    package var jsonValue: JSONValue {
        .object([("id", .string(id)), ("outcome", .string(outcomeName)), ("version", .int(version))])
    }
}
