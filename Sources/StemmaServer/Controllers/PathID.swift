import Hummingbird
import HTTPTypes
import NIOCore
import Foundation
import StemmaCore

/// Document ids are often paths (`harbor-bridge/v1.txt`): in a URL path a client writes their
/// slashes as `%2F`, and the router hands the component over still encoded.
enum PathID {
    /// - Throws: 400 for bad percent-encoding or an id no document can have (``DocumentID``):
    ///   looked up, a NUL would be cut by SQLite and find another document.
    static func decode(_ name: String, in context: StemmaRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        guard let id = raw.removingPercentEncoding, !id.isEmpty else {
            throw HTTPError(.badRequest, message: "\(name) \"\(raw)\" is not a valid percent-encoded id")
        }
        return try checked(id, name: name)
    }

    /// `id` when a document may have it, else 400 naming the parameter and the problem.
    static func checked(_ id: String, name: String) throws -> String {
        if let problem = DocumentID.problem(with: id) { throw HTTPError(.badRequest, message: "\(name): \(problem)") }
        return id
    }
}
