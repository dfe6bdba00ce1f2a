public import Hummingbird
import HTTPTypes
import NIOCore
public import Foundation

/// The request context of Stemma's router: Hummingbird's core storage plus the body limit, which
/// ``BodyLimitMiddleware`` sets from the configuration for every request.
public struct StemmaRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Read by Hummingbird's body collection, which then fails with 413 past it.
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        maxUploadSize = ServerConfiguration.defaultMaxBodyBytes
    }

    /// For the error bodies Hummingbird writes (every record goes through ``JSONResponse``): sorted
    /// keys so that responses read the same on every run; slashes unescaped because ids are often paths.
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
