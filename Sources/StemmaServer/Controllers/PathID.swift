import Hummingbird
import HTTPTypes
import NIOCore
import Foundation

/// Document ids are often paths (`harbor-bridge/v1.txt`): in a URL path a client writes their
/// slashes as `%2F`, and the router hands the component over still encoded.
enum PathID {
    static func decode(_ name: String, in context: StemmaRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        guard let id = raw.removingPercentEncoding, !id.isEmpty else {
            throw HTTPError(.badRequest, message: "\(name) \"\(raw)\" is not a valid percent-encoded id")
        }
        return id
    }
}
