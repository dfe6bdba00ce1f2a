public import Hummingbird
import HTTPTypes
import NIOCore

/// Lets a request through only with `Authorization: Bearer <token>`; put on the routes that write
/// to the index.
public struct BearerTokenMiddleware: RouterMiddleware {
    public typealias Context = StemmaRequestContext

    let token: String

    public init(token: String) {
        self.token = token
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            Self.constantTimeEqual(Array(header.utf8.dropFirst(7)), Array(token.utf8))
        else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"],
                            message: "this endpoint writes to the index and needs Authorization: Bearer <token>")
        }
        return try await next(request, context)
    }

    /// Compares without stopping at the first difference, so response time does not tell an
    /// attacker how much of a guess was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
