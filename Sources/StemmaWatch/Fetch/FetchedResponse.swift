import Foundation
public import StemmaStore

/// A response as `stemma watch` received it, its body decoded from gzip or deflate.
public struct FetchedResponse: Sendable {
    public var status: Int
    /// The URL it came from, after redirects.
    public var url: String
    public var headers: [Capture.Header]
    public var body: [UInt8]

    public init(status: Int, url: String, headers: [Capture.Header], body: [UInt8]) {
        self.status = status
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first header of that name (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first(named: name)
    }

    /// The media type, lowercased, without parameters: `text/html`.
    public var mediaType: String? {
        header("Content-Type").map { $0.split(separator: ";", maxSplits: 1).first.map(String.init) ?? $0 }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}

/// Why a fetch gave no response to read: one line, for the log and the `failed` events.
public struct FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status, when there was one.
    public var status: Int?
    public var reason: String
    /// robots.txt disallows the URL: not fetched at all.
    public var disallowed = false
    /// Seconds the server asked to wait (`Retry-After`).
    public var retryAfter: Double?

    public init(status: Int? = nil, reason: String, disallowed: Bool = false, retryAfter: Double? = nil) {
        self.status = status
        self.reason = reason
        self.disallowed = disallowed
        self.retryAfter = retryAfter
    }

    public var description: String { reason }
}
