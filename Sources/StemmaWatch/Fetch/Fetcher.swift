import AsyncHTTPClient
import Foundation
public import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import StemmaStore
import StemmaWeb

/// Fetches pages and feeds the way a good citizen does: per-host limits and delays, robots.txt,
/// conditional GETs, retries with backoff, a size limit and a timeout (AsyncHTTPClient).
///
/// ```swift
/// let fetcher = Fetcher(policy: FetchPolicy(perHost: 1, delay: 2))
/// switch await fetcher.get("https://example.com/feed.xml", etag: stored.etag) {
/// case .success(let response): print(response.status, response.body.count)
/// case .failure(let failure): print(failure)        // "HTTP 503 Service Unavailable"
/// }
/// try await fetcher.shutdown()
/// ```
public final class Fetcher: Sendable {
    public let policy: FetchPolicy
    let client: HTTPClient
    let gates: HostGates
    let robots: RobotsCache

    /// - Parameter eventLoopGroup: the loops the client runs on; NIO's shared ones by default.
    public init(policy: FetchPolicy = FetchPolicy(), eventLoopGroup: (any EventLoopGroup)? = nil) {
        self.policy = policy
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: .init(connect: .seconds(10), read: .milliseconds(Int64(policy.timeout * 1000))),
            // A gzip bomb stops at 100 times its compressed size, and the body limit holds too.
            decompression: .enabled(limit: .ratio(100))
        )
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroupProvider: eventLoopGroup.map { .shared($0) } ?? .singleton, configuration: configuration)
        gates = HostGates(perHost: policy.perHost)
        robots = RobotsCache()
    }

    /// Stops the client; call once, when the fetches are done.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// GETs `url`, conditionally when validators are given (a 304 is a success with an empty
    /// body), after robots.txt allows it; retries 429s, 5xxs and transport errors.
    public func get(_ url: String, etag: String? = nil, lastModified: String? = nil, accept: String = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
        async -> Result<FetchedResponse, FetchFailure>
    {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parsed.host, !host.isEmpty
        else { return .failure(FetchFailure(reason: "not an http(s) URL: \(url)")) }
        let origin = "\(scheme)://\(host)\(parsed.port.map { ":\($0)" } ?? "")"
        var delay = policy.delay
        if policy.obeysRobots {
            let rules = await robots.rules(for: origin) { await self.robotsTxt(of: origin) }
            let path = parsed.path.isEmpty ? "/" : parsed.path
            let target = parsed.query.map { "\(path)?\($0)" } ?? path
            if !rules.allows(target, userAgent: policy.userAgent) {
                return .failure(FetchFailure(reason: "disallowed by \(origin)/robots.txt", disallowed: true))
            }
            delay = max(delay, rules.crawlDelay(userAgent: policy.userAgent) ?? 0)
        }
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: policy.userAgent)
        request.headers.add(name: "Accept", value: accept)
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        return await withRetries { await self.once(request, host: origin, delay: delay) }
    }

    /// POSTs a JSON body (a webhook), with the same retries.
    public func post(json body: [UInt8], to url: String) async -> Result<FetchedResponse, FetchFailure> {
        guard let parsed = URL(string: url), let host = parsed.host else { return .failure(FetchFailure(reason: "not a URL: \(url)")) }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "User-Agent", value: policy.userAgent)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(body)
        return await withRetries { await self.once(request, host: host, delay: 0) }
    }

    private func withRetries(_ attempt: () async -> Result<FetchedResponse, FetchFailure>) async -> Result<FetchedResponse, FetchFailure> {
        var result = await attempt()
        for retry in 0..<policy.retries {
            guard case .failure(let failure) = result, failure.isTransient else { break }
            let wait = min(failure.retryAfter ?? policy.backoff * pow(2, Double(retry)), Self.longestRetryWait)
            if failure.retryAfter.map({ $0 > Self.longestRetryWait }) == true { break }
            try? await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
            if Task.isCancelled { break }
            result = await attempt()
        }
        return result
    }

    /// A `Retry-After` longer than this is left to the schedule rather than waited for in a pass.
    static let longestRetryWait = 30.0

    private func once(_ request: HTTPClientRequest, host: String, delay: Double) async -> Result<FetchedResponse, FetchFailure> {
        await gates.enter(host, delay: delay)
        defer { Task { await gates.leave(host) } }
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(policy.timeout * 1000)))
            let status = Int(response.status.code)
            let headers = response.headers.map { Capture.Header(name: $0.name, value: $0.value) }
            if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > policy.maximumBytes {
                return .failure(FetchFailure(status: status, reason: "a page of \(length) bytes, over the limit of \(policy.maximumBytes)"))
            }
            let body = try await response.body.collect(upTo: policy.maximumBytes)
            let finalURL = response.url?.absoluteString ?? request.url
            if status == 429 || (500...599).contains(status) {
                return .failure(FetchFailure(status: status, reason: "HTTP \(status) \(response.status.reasonPhrase)",
                                             retryAfter: response.headers.first(name: "Retry-After").flatMap(RetryAfter.seconds)))
            }
            return .success(FetchedResponse(status: status, url: finalURL, headers: headers, body: Array(buffer: body)))
        } catch {
            return .failure(FetchFailure(reason: Self.describe(error)))
        }
    }

    /// robots.txt of an origin, fetched without a robots check of its own.
    private func robotsTxt(of origin: String) async -> RobotsTxt {
        var request = HTTPClientRequest(url: origin + "/robots.txt")
        request.headers.add(name: "User-Agent", value: policy.userAgent)
        switch await withRetries({ await self.once(request, host: origin, delay: policy.delay) }) {
        case .success(let response): return RobotsTxt.forStatus(response.status, body: response.body)
        case .failure(let failure): return RobotsTxt.forStatus(failure.status ?? 599, body: [])
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as HTTPClientError where error == .redirectCycleDetected: "a redirect loop"
        case let error as HTTPClientError where error == .redirectLimitReached: "more than 5 redirects"
        case let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout:
            "timed out"
        case is NIOTooManyBytesError: "a page over the size limit"
        case let error as NIOHTTPDecompression.DecompressionError: "a body that does not decompress (\(error))"
        default: "\(error)"
        }
    }
}

extension FetchFailure {
    /// Worth a retry: a 429, a 5xx, or no response at all (robots and size refusals are not).
    var isTransient: Bool {
        guard !disallowed else { return false }
        if let status { return status == 429 || (500...599).contains(status) }
        return !reason.contains("size limit") && !reason.contains("redirect") && !reason.contains("not an http")
    }
}
