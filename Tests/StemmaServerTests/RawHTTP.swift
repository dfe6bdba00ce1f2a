import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sends bytes exactly as written to a server on loopback and returns its whole answer, up to the
/// server closing the connection (a failure after 30 s without it): for requests a client library
/// would tidy up (chunked bodies, unnormalized paths).
enum RawHTTP {
    static func exchange(port: Int, _ request: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TestFailure("connect: \(errno)") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            // The server may answer 413 and close before the rest is sent.
            if written <= 0 { break }
            sent += written
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { break }  // the server closed the connection
            if count < 0 {
                if errno == EINTR { continue }
                throw TestFailure(errno == EAGAIN || errno == EWOULDBLOCK ? "no answer within 30 s" : "recv: \(errno)")
            }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    /// A JSON POST on a connection of its own: the status code and the body.
    static func post(port: Int, path: String, json: Any) throws -> (status: Int, body: String) {
        let body = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        let answer = try exchange(port: port, "POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body)
        let status = Int(answer.split(separator: " ").dropFirst().first ?? "") ?? 0
        let parts = answer.components(separatedBy: "\r\n\r\n")
        return (status, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}

/// Runs blocking work (a socket read, a browser) on a thread of its own. On Swift's cooperative
/// pool it would hold one of its few threads (two on a 2-core machine), and the server under test
/// needs those threads to answer: two such tests at once would deadlock until their timeouts.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
