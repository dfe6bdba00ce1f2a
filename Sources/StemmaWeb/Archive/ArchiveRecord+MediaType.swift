extension ArchiveRecord {
    /// The declared media type alone, lower-cased, without parameters (`text/html`), or `nil`
    /// when none was declared.
    public var mediaType: String? {
        guard let contentType else { return nil }
        let bare = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let trimmed = bare.trimmingASCIISpaces().lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether the payload is a page or plain text, the records a reader of documents keeps.
    ///
    /// The declared type decides when there is one: `text/html`, `application/xhtml+xml` or
    /// `text/plain`. Without one, the first bytes decide, as a browser would sniff them: a payload
    /// that opens (after white space or a byte order mark) with `<html` or `<!doctype` is HTML.
    public var isHTMLOrText: Bool {
        if let mediaType {
            return Self.documentMediaTypes.contains(mediaType)
        }
        return Self.looksLikeHTML(payload)
    }

    static let documentMediaTypes: Set<String> = ["text/html", "application/xhtml+xml", "text/plain"]

    /// Whether `bytes` open with an HTML start, ignoring case, leading white space and a UTF-8 BOM.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count, bytes[index] == 0x20 || (0x09...0x0D).contains(bytes[index]) { index += 1 }
        return ArchiveBytes.hasPrefix(bytes, at: index, "<html") || ArchiveBytes.hasPrefix(bytes, at: index, "<!doctype")
    }
}

extension Substring {
    func trimmingASCIISpaces() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }
}
