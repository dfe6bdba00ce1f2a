public import StemmaCore

/// How `stemma watch` fetches: who it says it is, how hard it pushes each host, and what it accepts.
public struct FetchPolicy: Sendable, Equatable {
    /// Sent with every request, and the product token robots.txt rules are matched against.
    public var userAgent: String
    /// Requests in flight to one host at once.
    public var perHost: Int
    /// Seconds between the start of one request to a host and the next (robots.txt's
    /// `Crawl-delay`, when larger, wins).
    public var delay: Double
    /// Seconds a request may take, redirects and body included.
    public var timeout: Double
    /// Bodies larger than this are refused, decoded size.
    public var maximumBytes: Int
    /// Retries of a 429, a 5xx or a transport error, with exponential backoff.
    public var retries: Int
    /// Seconds before the first retry; each later one waits twice as long, or what `Retry-After` asks.
    public var backoff: Double
    /// Whether robots.txt is read and obeyed (RFC 9309).
    public var obeysRobots: Bool

    public init(userAgent: String = "Stemma/\(stemmaVersion)", perHost: Int = 1, delay: Double = 2, timeout: Double = 30,
                maximumBytes: Int = 10 << 20, retries: Int = 2, backoff: Double = 1, obeysRobots: Bool = true) {
        self.userAgent = userAgent
        self.perHost = perHost
        self.delay = delay
        self.timeout = timeout
        self.maximumBytes = maximumBytes
        self.retries = retries
        self.backoff = backoff
        self.obeysRobots = obeysRobots
    }
}
