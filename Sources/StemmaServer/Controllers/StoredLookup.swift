import StemmaCore
import Hummingbird
import HTTPTypes
import NIOCore
import StemmaStore

/// Finding indexed versions for a request, with the HTTP errors for what is not there.
enum StoredLookup {
    /// A stored version, or 404 naming what is missing.
    static func version(of id: String, number: Int?, in store: Store) throws -> StoredVersion {
        guard let stored = try store.version(of: id, number: number) else {
            if let number, try store.version(of: id) != nil {
                throw HTTPError(.notFound, message: "document \(id) has no version \(number)")
            }
            throw HTTPError(.notFound, message: "no document with id \(id)")
        }
        return stored
    }

    /// The text of a stored version; 409 when the index was filled without texts.
    static func text(of id: String, number: Int?, in store: Store) throws -> (StoredVersion, String) {
        let stored = try version(of: id, number: number, in: store)
        guard let text = stored.text else {
            throw HTTPError(.conflict, message: "the index keeps no text for \(id) (it was added with --no-text)")
        }
        return (stored, text)
    }
}

/// Typed access to a request's query parameters, with 400 for a value that is not what it should be.
struct QueryValues {
    let parameters: Parameters

    init(_ request: Request) {
        parameters = request.uri.queryParameters
    }

    /// The value of `name`; nil when absent or empty, as a form sends a text field left blank.
    ///
    /// - Throws: 400 when the parameter is given more than once: which one was meant is a guess.
    func string(_ name: String) throws -> String? {
        try raw(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The value of `name` as given, empty or not; nil when absent. Numbers and booleans read it
    /// so that `version=` is refused rather than taken for the latest version.
    private func raw(_ name: String) throws -> String? {
        let values = parameters.getAll(name)
        guard values.count <= 1 else {
            throw HTTPError(.badRequest, message: "query parameter \(name) is given \(values.count) times; give it once")
        }
        return values.first
    }

    func requiredString(_ name: String) throws -> String {
        guard let value = try string(name) else { throw HTTPError(.badRequest, message: "missing query parameter \(name)") }
        return value
    }

    /// A document id from the query, checked as ``PathID`` checks one in the path.
    func documentID(_ name: String) throws -> String {
        try PathID.checked(try requiredString(name), name: name)
    }

    func positiveInt(_ name: String) throws -> Int? {
        guard let text = try raw(name) else { return nil }
        guard let value = Int(text), value > 0 else {
            throw HTTPError(.badRequest, message: "query parameter \(name) must be a positive integer, not \(text)")
        }
        return value
    }

    /// An integer in `range`, or nil when the parameter is absent.
    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try raw(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            let bounds = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "between \(range.lowerBound) and \(range.upperBound)"
            throw HTTPError(.badRequest, message: "query parameter \(name) must be an integer \(bounds), not \(text)")
        }
        return value
    }

    var version: Int? { get throws { try positiveInt("version") } }

    func bool(_ name: String) throws -> Bool {
        switch try raw(name) {
        case nil, "0", "false", "no": return false
        case "1", "true", "yes": return true
        case let other?: throw HTTPError(.badRequest, message: "query parameter \(name) must be true or false, not \(other)")
        }
    }
}
