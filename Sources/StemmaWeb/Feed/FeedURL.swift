import CLibXML2
import Glibc

/// Links in feeds made absolute, and only web links kept.
///
/// ```swift
/// FeedURL.resolve("../a b", against: "http://example.com/x/y/")  // "http://example.com/x/a%20b"
/// FeedURL.isWeb("mailto:me@example.com")                          // false
/// ```
enum FeedURL {
    /// RFC 3986 §5.2 resolution by libxml2's `xmlBuildURI`. References it cannot parse
    /// (spaces, raw non-ASCII, which feeds have) are percent-encoded first, as browsers do.
    static func resolve(_ reference: String, against base: String?) -> String {
        let reference = trimmed(reference)
        guard let base, !base.isEmpty else { return reference }
        if let built = build(reference, base) { return built }
        let safe = escaped(reference)
        return build(safe, safe == reference ? escaped(base) : base) ?? safe
    }

    /// Whether `url` is absolute http or https with a host.
    static func isWeb(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        let rest = lower.hasPrefix("https://") ? url.dropFirst(8) : lower.hasPrefix("http://") ? url.dropFirst(7) : nil
        guard let rest, let first = rest.first else { return false }
        return first != "/" && first != "?" && first != "#"
    }

    static func trimmed(_ text: String) -> String {
        var view = Substring(text)
        while let first = view.unicodeScalars.first, first.properties.isWhitespace { view = view.dropFirst() }
        while let last = view.unicodeScalars.last, last.properties.isWhitespace { view = view.dropLast() }
        return String(view)
    }

    private static func build(_ reference: String, _ base: String) -> String? {
        reference.withCString { reference in
            base.withCString { base in
                reference.withMemoryRebound(to: xmlChar.self, capacity: strlen(reference) + 1) { reference in
                    base.withMemoryRebound(to: xmlChar.self, capacity: strlen(base) + 1) { base in
                        FeedNode.taking(xmlBuildURI(reference, base))
                    }
                }
            }
        }
    }

    /// Bytes a URI may not hold, as %XX; `%` stays, as it likely starts an escape already.
    private static func escaped(_ text: String) -> String {
        let allowed = Set("!#$%&'()*+,-./:;=?@[]_~".utf8)
        var result = ""
        for byte in text.utf8 {
            let isAlphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlphanumeric || allowed.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                result += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return result
    }
}
