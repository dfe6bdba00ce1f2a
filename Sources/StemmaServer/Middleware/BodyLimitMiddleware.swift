public import Hummingbird
import HTTPTypes
import NIOCore

/// Refuses bodies over the configured size with 413: at once when `Content-Length` says so, and
/// otherwise when the collected body passes the limit (chunked uploads have no length).
public struct BodyLimitMiddleware: RouterMiddleware {
    public typealias Context = StemmaRequestContext

    let maxBodyBytes: Int

    public init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            throw HTTPError(.contentTooLarge, message: "request body of \(length) bytes is over the limit of \(maxBodyBytes) bytes")
        }
        var context = context
        context.maxUploadSize = maxBodyBytes
        return try await next(request, context)
    }
}
