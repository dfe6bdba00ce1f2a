extension HTMLCharset {
    /// Decodes a `text/plain` payload to UTF-8.
    ///
    /// As ``decode(_:transportContentType:)`` without the meta prescan, since a `<meta>`
    /// in plain text is text: a byte order mark, then the transport charset, then
    /// valid UTF-8 (or ISO-2022-JP), then ICU's detector, then windows-1252.
    ///
    /// ```swift
    /// let text = HTMLCharset.decodePlainText(body, transportContentType: "text/plain")
    /// ```
    ///
    /// - Parameters:
    ///   - bytes: The payload.
    ///   - transportContentType: The HTTP `Content-Type` value, if any.
    /// - Complexity: O(n).
    public static func decodePlainText(_ bytes: [UInt8], transportContentType: String? = nil) -> DecodedText {
        decode(bytes, transportContentType: transportContentType, isHTML: false)
    }
}
