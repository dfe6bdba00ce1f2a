/// Undoes HTTP/1.1 chunked transfer coding (RFC 9112 section 7.1).
///
/// Crawlers disagree on what they store: some keep the chunks as sent, some store the body
/// already de-chunked but keep the `Transfer-Encoding: chunked` header. So a body whose first
/// line is not a chunk-size line is taken to be de-chunked already. A body cut short (a crawler's
/// size limit, `WARC-Truncated`) keeps the chunks it has; only a chunk-size line that is not one,
/// where one must be, makes the body broken.
enum ArchiveChunkedBody {
    enum Outcome {
        case decoded([UInt8])
        /// The body does not start as chunked data: use it as it is.
        case notChunked
        /// The chunk framing breaks at this offset into the body.
        case broken(at: Int)
    }

    private enum SizeLine {
        case size(Int, next: Int)
        case invalid
        /// The body ends inside the line.
        case cutOff
    }

    static func decode(_ body: UnsafeBufferPointer<UInt8>) -> Outcome {
        guard let base = body.baseAddress, case .size = sizeLine(base, at: 0, count: body.count) else { return .notChunked }
        let count = body.count
        var broken: Int?
        let decoded = [UInt8](unsafeUninitializedCapacity: count) { output, written in
            guard let out = output.baseAddress else { return }
            var index = 0
            while index < count {
                let size: Int
                switch sizeLine(base, at: index, count: count) {
                case .cutOff:
                    return
                case .invalid:
                    broken = index
                    return
                case .size(let value, let next):
                    size = value
                    index = next
                }
                guard size > 0 else { return }  // the last chunk; trailers are not wanted
                let taken = min(size, count - index)
                (out + written).update(from: base + index, count: taken)
                written += taken
                index += taken
                guard taken == size, index < count else { return }
                if base[index] == ArchiveBytes.cr { index += 1 }
                guard index < count else { return }
                guard base[index] == ArchiveBytes.lf else {
                    broken = index
                    return
                }
                index += 1
            }
        }
        if let broken { return .broken(at: broken) }
        return .decoded(decoded)
    }

    /// A line of hex digits, optional white space and `;extensions`, ending in LF or CRLF.
    private static func sizeLine(_ base: UnsafePointer<UInt8>, at start: Int, count: Int) -> SizeLine {
        var index = start
        var value = 0
        while index < count, let digit = hexValue(base[index]) {
            guard index - start < 15 else { return .invalid }
            value = value << 4 | digit
            index += 1
        }
        guard index > start else { return index < count ? .invalid : .cutOff }
        guard let end = ArchiveBytes.find(ArchiveBytes.lf, in: base, from: index, to: count) else {
            return .cutOff
        }
        if index < end {
            let next = base[index]
            guard next == 0x3B || next == 0x20 || next == 0x09 || next == ArchiveBytes.cr else { return .invalid }
        }
        return .size(value, next: end + 1)
    }

    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}
