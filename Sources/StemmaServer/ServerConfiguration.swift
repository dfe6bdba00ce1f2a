import Foundation

/// How `stemma serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    /// The address to bind: loopback unless asked otherwise, so an index is not exposed by accident.
    public var host: String
    /// 0 asks the system for a free port.
    public var port: Int
    /// Requests whose body is larger are refused with 413.
    public var maxBodyBytes: Int
    /// When set, the endpoints that write to the index require `Authorization: Bearer <token>`.
    public var token: String?
    /// The most matches one request may ask for.
    public var maxMatchLimit: Int
    /// Seconds after which a connection that sends nothing is closed, so idle or stalled clients
    /// cannot hold connections open forever.
    public var idleTimeout: Int

    public static let defaultMaxBodyBytes = 10 * 1_000_000

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = defaultMaxBodyBytes, token: String? = nil,
                maxMatchLimit: Int = 1_000, idleTimeout: Int = 60) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.maxMatchLimit = maxMatchLimit
        self.idleTimeout = idleTimeout
    }
}
