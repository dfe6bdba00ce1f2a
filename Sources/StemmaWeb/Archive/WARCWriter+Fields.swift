import Crypto
import Foundation

extension WARCWriter {
    /// `<urn:uuid:…>`: a name-based UUID (RFC 9562 version 5, in the URL namespace) of `name`.
    ///
    /// ```swift
    /// WARCWriter.recordID(name: "stemma:a/2")  // the same every time
    /// ```
    public static func recordID(name: String) -> String {
        let namespace: [UInt8] = [0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8]
        var bytes = Array(Insecure.SHA1.hash(data: namespace + Array(name.utf8)).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x50
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        let groups = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }
        return "<urn:uuid:\(groups.joined(separator: "-"))>"
    }

    /// `sha1:` and the digest in base32 (RFC 4648, 32 digits, no padding for 20 bytes).
    static func sha1Digest(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var digits = "sha1:"
        var buffer: UInt64 = 0, bits = 0
        for byte in Insecure.SHA1.hash(data: bytes) {
            buffer = buffer << 8 | UInt64(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                digits.append(alphabet[Int(buffer >> UInt64(bits) & 31)])
            }
        }
        return digits
    }

    /// `YYYY-MM-DDThh:mm:ssZ` in UTC. A time outside years 1–9999 (a damaged row) is clamped
    /// to it, since the field has four digits for the year.
    static func timestamp(_ seconds: Double) -> String {
        let bounded = seconds.isFinite ? min(max(seconds, -62_135_596_800), 253_402_300_799) : 0
        var time = time_t(bounded.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// A header name with the characters a token may not hold left out (RFC 9110 `tchar`).
    static func token(_ name: String) -> String {
        String(name.unicodeScalars.filter { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
        }.map(Character.init))
    }

    /// A field value without control characters: a CR or LF in a stored value would end the
    /// field early and let the rest pass for fields of its own.
    static func fieldValue(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F) }.map(Character.init))
    }

    /// The URL with spaces, controls and non-ASCII bytes percent-encoded, as a URI must be.
    static func uri(_ url: String) -> String {
        var encoded = ""
        for byte in url.utf8 {
            if byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") {
                encoded += String(format: "%%%02X", byte)
            } else {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return encoded
    }

    /// The usual reason phrase, or none: RFC 9112 lets it be empty, and readers go by the code.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 203: "Non-Authoritative Information"
        case 204: "No Content"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 451: "Unavailable For Legal Reasons"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}
