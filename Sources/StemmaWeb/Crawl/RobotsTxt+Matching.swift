extension RobotsTxt {
    /// Paths and patterns in one form before they are compared (RFC 9309 §2.2.2): `%xx`
    /// of an unreserved character decoded, other `%xx` in upper case, and octets outside
    /// printable US-ASCII percent-encoded.
    ///
    /// ```swift
    /// RobotsTxt.normalized(Array("/%7ejoe/caf\u{E9}%2f".utf8))  // "/~joe/caf%C3%A9%2F"
    /// ```
    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                let decoded = high << 4 | low
                if isUnreserved(decoded) {
                    output.append(decoded)
                } else {
                    output += [UInt8(ascii: "%"), hex[Int(high)], hex[Int(low)]]
                }
                i += 3
            } else if byte <= 0x20 || byte >= 0x7F {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                i += 1
            } else {
                output.append(byte)
                i += 1
            }
        }
        return output
    }

    /// Whether `pattern` matches a prefix of `path` (all of it, with a final `$`), `*`
    /// matching any run of octets.
    ///
    /// The classic greedy matcher that backtracks to the last `*` only: O(pattern × path)
    /// at worst, linear on the patterns sites write.
    static func matches(_ pattern: [UInt8], _ path: [UInt8]) -> Bool {
        let star = UInt8(ascii: "*")
        var pattern = pattern[...]
        let anchored = pattern.last == UInt8(ascii: "$")
        if anchored { pattern = pattern.dropLast() }
        var p = pattern.startIndex, s = 0
        var lastStar: Int?, resume = 0
        while s < path.count {
            if p < pattern.endIndex, pattern[p] == star {
                lastStar = p
                p += 1
                resume = s
            } else if p < pattern.endIndex, pattern[p] == path[s] {
                p += 1
                s += 1
            } else if !anchored, p == pattern.endIndex {
                return true  // the whole pattern matched a prefix
            } else if let star = lastStar {
                p = star + 1
                resume += 1
                s = resume
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == star { p += 1 }
        return p == pattern.endIndex
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }
}
