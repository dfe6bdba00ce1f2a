import Glibc

/// What an element's `class` and `id` say about it: the hints Readability (Arc90, Mozilla) reads.
///
/// Words are matched as substrings of the lower-cased attribute, as those lists are meant to be
/// read (`comment` matches `comments-list`); a few short ones only as whole words. No site's names
/// are listed: these are the words that boilerplate is named by on any site.
enum ClassPatterns {
    /// Names of containers that are seldom the article: removed on the first pass.
    static let unlikely = Needles(["-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
                           "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
                           "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
                           "pagination", "pager", "popup", "yom-remote"])
    /// Names that keep an otherwise unlikely container (`main-header-and-content`).
    static let maybe = Needles(["and", "article", "body", "column", "content", "main", "mathjax", "shadow"])
    static let positive = Needles(["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
                           "text", "blog", "story"])
    static let negative = Needles(["-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
                           "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
                           "skyscraper", "sponsor", "shopping", "tags", "widget"])
    static let byline = Needles(["byline", "author", "dateline", "writtenby", "p-author"])
    /// ARIA roles of page furniture.
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]

    /// `class` and `id`, lower-cased and joined with a space, as the lists are matched against.
    static func matchString(_ tree: HTMLTree, _ index: HTMLTree.Index) -> [UInt8] {
        var result: [UInt8] = []
        if let value = tree.attribute(.class, of: index) { result.append(contentsOf: value) }
        if let value = tree.attribute(.id, of: index) {
            if !result.isEmpty { result.append(0x20) }
            result.append(contentsOf: value)
        }
        for position in result.indices where result[position] >= 0x41 && result[position] <= 0x5A { result[position] |= 0x20 }
        return result
    }

    static func matches(_ text: [UInt8], anyOf words: Needles) -> Bool {
        guard !text.isEmpty else { return false }
        return words.bytes.contains { ByteSearch.contains(text[...], $0) }
    }

    /// Whether `word` stands alone in `text` (bounded by the ends or by characters that are not
    /// letters, digits or underscores), or next to an underscore.
    static func containsWord(_ text: [UInt8], _ word: String, underscoreBounds: Bool = false) -> Bool {
        let needle = Array(word.utf8)
        var searchStart = text.startIndex
        while let start = ByteSearch.firstOffset(text[searchStart...], needle) {
            let end = start + needle.count
            let before = start == text.startIndex ? nil : text[start - 1]
            let after = end == text.endIndex ? nil : text[end]
            if isBoundary(before, underscoreBounds) && isBoundary(after, underscoreBounds) { return true }
            searchStart = start + 1
        }
        return false
    }

    private static func isBoundary(_ byte: UInt8?, _ underscore: Bool) -> Bool {
        guard let byte else { return true }
        if byte == UInt8(ascii: "_") { return underscore }
        let isWord = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
        return !isWord
    }

    /// +25 for each of `class` and `id` that names content, −25 for each that names furniture.
    static func weight(_ tree: HTMLTree, _ index: HTMLTree.Index) -> Double {
        var weight = 0.0
        for name in [HTMLTree.AttributeName.class, .id] {
            guard let raw = tree.attribute(name, of: index), !raw.isEmpty else { continue }
            let value = Array(raw).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if matches(value, anyOf: negative) || containsWord(value, "hid") { weight -= 25 }
            if matches(value, anyOf: positive) { weight += 25 }
        }
        return weight
    }

    static func isShareWidget(_ matchString: [UInt8]) -> Bool {
        containsWord(matchString, "share", underscoreBounds: true) || containsWord(matchString, "sharedaddy", underscoreBounds: true)
    }
}

/// Words to look for, as bytes made once.
struct Needles: Sendable {
    let bytes: [[UInt8]]
    init(_ words: [String]) { bytes = words.map { Array($0.utf8) } }
}

/// Substring search in bytes: `memchr` for the first byte, `memcmp` for the rest. The generic
/// `firstRange(of:)` took 72% of extraction's time on a Wikipedia page (1 MB, 1.4 s), in generic
/// metadata look-ups; glibc's `memmem` is not visible to Swift.
enum ByteSearch {
    static func firstOffset(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin -> Int? in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return nil }
                let last = hay.count - pin.count
                var offset = 0
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) else { return nil }
                    let position = UnsafeRawPointer(hit) - base
                    if memcmp(base + position, pinBase, pin.count) == 0 { return haystack.startIndex + position }
                    offset = position + 1
                }
                return nil
            }
        }
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool { firstOffset(haystack, needle) != nil }
}
