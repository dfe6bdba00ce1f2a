import Hummingbird
import HTTPTypes
import NIOCore

extension RouterMethods {
    /// Answers 405 with an `Allow` header for the standard methods `path` has no handler for.
    ///
    /// Hummingbird's router answers 404 for a known path with an unknown method, which tells a
    /// client the resource is missing when only the method is wrong (RFC 9110 §15.5.6). HEAD is
    /// allowed wherever GET is: the router derives it (`autoGenerateHeadEndpoints`).
    @discardableResult
    func rejectingOtherMethods(_ path: RouterPath = "", allowing allowed: [HTTPRequest.Method]) -> Self {
        let allowed = allowed.contains(.get) ? allowed + [.head] : allowed
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        // QUERY (a safe GET with a body, draft-ietf-httpbis-safe-method-w-body) is probed by
        // Schemathesis; other extension methods still get 404.
        let standard: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options, .trace] + [HTTPRequest.Method("QUERY")].compactMap { $0 }
        for method in standard where !allowed.contains(method) {
            on(path, method: method) { _, _ -> Response in
                throw HTTPError(.methodNotAllowed, headers: [.allow: allow], message: "\(method.rawValue) is not allowed here; use \(allow)")
            }
        }
        return self
    }
}
