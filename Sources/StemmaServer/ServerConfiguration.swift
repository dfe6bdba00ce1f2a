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

/// A size in bytes written for people: `10MB`, `512KiB`, `2048`.
public enum ByteCount {
    /// The number of bytes `text` names, or nil when it is not a size. Units: B, KB, MB, GB (powers
    /// of 1000) and KiB, MiB, GiB (powers of 1024), in any case.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingPrefix(while: \.isWhitespace)
        let digits = trimmed.prefix(while: \.isNumber)
        guard let value = Int(digits), value >= 0 else { return nil }
        let unit = String(trimmed.dropFirst(digits.count)).trimmingCharacters(in: .whitespaces).uppercased()
        let multipliers: [String: Int] = [
            "": 1, "B": 1, "K": 1_000, "KB": 1_000, "M": 1_000_000, "MB": 1_000_000, "G": 1_000_000_000, "GB": 1_000_000_000,
            "KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30,
        ]
        guard let multiplier = multipliers[unit] else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : bytes
    }
}
