/// Text decoded to UTF-8 from a page's bytes, and how its encoding was found.
///
/// ```swift
/// let page = HTMLCharset.decode(bytes, transportContentType: "text/html; charset=ISO-8859-1")
/// page.encoding   // "windows-1252"
/// page.source     // .transport
/// page.string     // the text, for parsing
/// ```
public struct DecodedText: Sendable, Hashable {
    /// The text as UTF-8, always valid, without any byte order mark.
    public var bytes: [UInt8]
    /// The WHATWG name of the encoding the bytes were decoded from, in lower case as
    /// `TextDecoder.encoding` gives it: `"utf-8"`, `"windows-1252"`, `"shift_jis"`.
    public var encoding: String
    /// What chose ``encoding``.
    public var source: EncodingSource
    /// The number of undecodable sequences that were each replaced with U+FFFD.
    public var replacedSequences: Int
    /// The WHATWG name of an encoding the page declared but that was not used, because
    /// the bytes showed it wrong (see ``HTMLCharset/decode(_:transportContentType:)``).
    public var overriddenDeclaration: String?

    public init(
        bytes: [UInt8], encoding: String, source: EncodingSource, replacedSequences: Int,
        overriddenDeclaration: String? = nil
    ) {
        self.bytes = bytes
        self.encoding = encoding
        self.source = source
        self.replacedSequences = replacedSequences
        self.overriddenDeclaration = overriddenDeclaration
    }

    /// The text as a `String`; ``bytes`` is valid UTF-8, so nothing is repaired.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// What chose the encoding of a ``DecodedText``, in the WHATWG order of precedence.
public enum EncodingSource: String, Sendable, Hashable, CaseIterable {
    /// A UTF-8 or UTF-16 byte order mark, which overrides everything else.
    case byteOrderMark
    /// The `charset` parameter of the HTTP `Content-Type` header.
    case transport
    /// A `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1,024 bytes,
    /// or a UTF-16 XML declaration.
    case metaPrescan
    /// The bytes themselves: valid UTF-8, or ICU's detector was confident.
    case detected
    /// Nothing decided: windows-1252, the WHATWG default, or utf-8 for pure ASCII
    /// (which reads the same in both).
    case defaulted
}
