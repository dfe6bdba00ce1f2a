/// The parts of a stored HTTP response (RFC 9112) that a reader of documents needs: the status,
/// the media type and the body with its codings undone.
///
/// Only three header fields are looked at (`Content-Type`, `Transfer-Encoding`,
/// `Content-Encoding`), compared in place; the rest are passed over without making strings.
enum ArchiveHTTPResponse {
    enum Outcome {
        case payload(status: Int, contentType: String?, body: [UInt8])
        case skipped(ArchiveSkipReason)
        case problem(String)
    }

    /// Takes a response apart.
    ///
    /// - Parameters:
    ///   - block: the status line, headers and body, as stored.
    ///   - requireHTTP: whether a block that is not HTTP is damage (a record declared
    ///     `application/http`, an ARC record of an `http:` URL) rather than some other protocol's
    ///     response, which is skipped.
    static func parse(_ block: UnsafeBufferPointer<UInt8>, requireHTTP: Bool, decoder: ArchivePayloadDecoder,
                      limit: Int) -> Outcome {
        guard let base = block.baseAddress, ArchiveBytes.hasPrefixIgnoringCase(base, block.count, "http/") else {
            return requireHTTP ? .problem("bad http status line") : .skipped(.nonHTTP)
        }
        let count = block.count
        let statusEnd = ArchiveBytes.find(ArchiveBytes.lf, in: base, from: 0, to: count) ?? count
        guard let status = statusCode(base, statusEnd) else { return .problem("bad http status line") }
        guard (200..<300).contains(status) else { return .skipped(.non2xx) }

        var contentType: Range<Int>?
        var codings: [String] = []
        var chunked = false
        var transferCodings: [String] = []
        var lineStart = statusEnd + 1
        var bodyStart = count
        while lineStart < count {
            let lineEnd = ArchiveBytes.find(ArchiveBytes.lf, in: base, from: lineStart, to: count) ?? count
            let line = ArchiveBytes.trimmed(base, from: lineStart, to: lineEnd)
            if line.isEmpty {
                bodyStart = min(lineEnd + 1, count)
                break
            }
            if let colon = ArchiveBytes.find(0x3A, in: base, from: lineStart, to: lineEnd) {
                let name = ArchiveBytes.trimmed(base, from: lineStart, to: colon)
                let value = ArchiveBytes.trimmed(base, from: colon + 1, to: lineEnd)
                let nameStart = base + name.lowerBound
                switch name.count {
                case 12 where contentType == nil && ArchiveBytes.equalsIgnoringCase(nameStart, 12, "content-type"):
                    contentType = value
                case 16 where ArchiveBytes.equalsIgnoringCase(nameStart, 16, "content-encoding"):
                    codings += tokens(base, value)
                case 17 where ArchiveBytes.equalsIgnoringCase(nameStart, 17, "transfer-encoding"):
                    for token in tokens(base, value) {
                        if token == "chunked" { chunked = true } else { transferCodings.append(token) }
                    }
                default:
                    break
                }
            }
            lineStart = lineEnd + 1
        }
        let type = contentType.flatMap { $0.isEmpty ? nil : ArchiveBytes.string(base, $0) }
        let body = UnsafeBufferPointer(rebasing: block[bodyStart..<count])
        var payload: [UInt8]
        if chunked {
            switch ArchiveChunkedBody.decode(body) {
            case .decoded(let bytes): payload = bytes
            case .notChunked: payload = Array(body)
            case .broken(let at): return .problem("bad chunked body: no chunk size at payload byte \(at)")
            }
        } else if codings.isEmpty && transferCodings.isEmpty {
            return .payload(status: status, contentType: type, body: Array(body))
        } else {
            payload = Array(body)
        }
        // Codings were applied in the order listed, content codings before transfer codings.
        for coding in (codings + transferCodings).reversed() where coding != "identity" {
            let outcome = payload.withUnsafeBufferPointer { decoder.decode($0, coding: coding, limit: limit) }
            switch outcome {
            case .decoded(let bytes): payload = bytes
            case .unsupported: return .skipped(.unsupportedEncoding)
            case .failed(let message): return .problem(message)
            }
        }
        return .payload(status: status, contentType: type, body: payload)
    }

    /// The three-digit code after `HTTP/x.y`, or `nil`.
    private static func statusCode(_ base: UnsafePointer<UInt8>, _ end: Int) -> Int? {
        guard let space = ArchiveBytes.find(0x20, in: base, from: 5, to: end) else { return nil }
        var index = space
        while index < end, base[index] == 0x20 { index += 1 }
        guard end - index >= 3 else { return nil }
        var code = 0
        for offset in 0..<3 {
            let digit = base[index + offset] &- 0x30
            guard digit < 10 else { return nil }
            code = code * 10 + Int(digit)
        }
        if index + 3 < end, !ArchiveBytes.isSpace(base[index + 3]) { return nil }
        return code
    }

    /// The comma-separated tokens of a field value, lower-cased.
    private static func tokens(_ base: UnsafePointer<UInt8>, _ value: Range<Int>) -> [String] {
        ArchiveBytes.string(base, value).lowercased().split(separator: ",").map { String($0.trimmingASCIISpaces()) }
            .filter { !$0.isEmpty }
    }
}
