import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server on 127.0.0.1 and an ephemeral port whose answers tests set and change
/// between requests: feeds and articles that change, errors, slow answers, redirects.
///
/// ```swift
/// let server = try FixtureHTTPServer()
/// server.set("/feed.xml", .init(body: Array(rss.utf8), headers: [("Content-Type", "application/rss+xml")]))
/// fetch(server.url("/feed.xml"))
/// server.requests(to: "/feed.xml").count   // 1
/// ```
public final class FixtureHTTPServer: Sendable {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// Seconds before the answer starts.
        public var delay: Double
        /// Sent in chunks without a Content-Length.
        public var chunked: Bool

        public init(status: Int = 200, body: [UInt8] = [], headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
                    delay: Double = 0, chunked: Bool = false) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.chunked = chunked
        }

        /// A redirect to `location`.
        public static func redirect(to location: String, status: Int = 301) -> Response {
            Response(status: status, headers: [("Location", location)])
        }
    }

    /// A request as received: its path (with the query) and headers.
    public struct Request: Sendable {
        public var path: String
        public var headers: [(String, String)]

        public func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    private struct State {
        var responses: [String: Response] = [:]
        var requests: [Request] = []
    }

    private let state = NIOLockedValueBox(State())
    private let channel: any Channel
    /// A loop of its own: tests elsewhere in the run keep the shared loops busy, and a fixture
    /// waiting behind them made the watcher's fetches time out.
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    public let port: Int

    public init() throws {
        let state = self.state
        channel = try ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(FixtureHandler(state: { path, headers in
                        state.withLockedValue { state in
                            state.requests.append(Request(path: path, headers: headers))
                            return state.responses[path] ?? Response(status: 404, body: Array("not found".utf8),
                                                                     headers: [("Content-Type", "text/plain")])
                        }
                    }))
                }
            }
            .bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
    }

    deinit {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// A server whose robots.txt lets every crawler in, as the watch tests' sites mostly are.
    public static func allowingRobots() throws -> FixtureHTTPServer {
        let server = try FixtureHTTPServer()
        server.set("/robots.txt", Response(body: Array("User-agent: *\nAllow: /\n".utf8), headers: [("Content-Type", "text/plain")]))
        return server
    }

    /// Answers `path` (with its query, if any) with `response` from now on.
    public func set(_ path: String, _ response: Response) {
        state.withLockedValue { $0.responses[path] = response }
    }

    public func requests(to path: String) -> [Request] {
        state.withLockedValue { $0.requests.filter { $0.path == path } }
    }

    public var requestCount: Int { state.withLockedValue { $0.requests.count } }
}

/// Answers each request with the response set for its path; a matching `If-None-Match` gets a 304.
private final class FixtureHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let respond: @Sendable (String, [(String, String)]) -> FixtureHTTPServer.Response
    private var head: HTTPRequestHead?

    init(state: @escaping @Sendable (String, [(String, String)]) -> FixtureHTTPServer.Response) {
        respond = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request): head = request
        case .body: break
        case .end:
            guard let head else { return }
            let headers = head.headers.map { ($0.name, $0.value) }
            var response = respond(head.uri, headers)
            if let etag = response.headers.first(where: { $0.0.lowercased() == "etag" })?.1,
                head.headers.first(name: "If-None-Match") == etag {
                response = FixtureHTTPServer.Response(status: 304, headers: [("ETag", etag)])
            }
            let loop = context.eventLoop, bound = NIOLoopBound((self, context), eventLoop: loop)
            let keepAlive = head.isKeepAlive
            let send = { let (handler, context) = bound.value; handler.write(response, keepAlive: keepAlive, context: context) }
            if response.delay > 0 { loop.scheduleTask(in: .milliseconds(Int64(response.delay * 1000)), send) } else { send() }
        }
    }

    private func write(_ response: FixtureHTTPServer.Response, keepAlive: Bool, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(response.headers)
        if response.chunked { headers.add(name: "Transfer-Encoding", value: "chunked") } else if response.status != 304 {
            headers.replaceOrAdd(name: "Content-Length", value: "\(response.body.count)")
        }
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        var offset = 0
        let piece = response.chunked ? 64 * 1024 : max(response.body.count, 1)
        while offset < response.body.count {
            let end = min(offset + piece, response.body.count)
            // Copied with memcpy: a byte-by-byte copy of a 50 MB body in a debug build held the
            // event loop, which the clients under test share, for seconds.
            var buffer = context.channel.allocator.buffer(capacity: end - offset)
            response.body.withUnsafeBytes { buffer.writeBytes(UnsafeRawBufferPointer(rebasing: $0[offset..<end])) }
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            offset = end
        }
        let closing = !keepAlive
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            if closing { context.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
