public import StemmaWeb

/// Keeps what is not an article out of a page's versions (the first complaint of diffengine's
/// users): an empty or almost empty extraction, an error or sign-in page served with a 200, and
/// an article that shrank to a fraction of itself (a paywall, a failed extraction).
public enum JunkCheck {
    /// An article of fewer words is no article.
    static let minimumWords = 15
    /// A version under this share of the previous one's words is taken for a broken page…
    static let shrinkShare = 0.4
    /// …when the previous one had at least this many words (short items legitimately halve).
    static let shrinkFloor = 80
    /// A page titled like an error page is one when its article is this short.
    static let errorPageWords = 150

    /// Why `page` is not a version of the article `previous` (its word count), or nil when it is.
    public static func reason(_ page: WebPage, previousWords: Int?) -> String? {
        let words = wordCount(page.text)
        if words < minimumWords { return "an empty article (\(words) words): an error page or a failed extraction" }
        if let title = page.title, words < errorPageWords, looksLikeErrorTitle(title) {
            return "an error page (\"\(title.prefix(80))\")"
        }
        if let previousWords, previousWords >= shrinkFloor, Double(words) < Double(previousWords) * shrinkShare {
            return "the article shrank from \(previousWords) to \(words) words: a paywall, an error page or a failed extraction"
        }
        return nil
    }

    /// Words: runs of letters or digits, on UTF-8 bytes (a byte ≥ 0x80 counts as a letter).
    public static func wordCount(_ text: [UInt8]) -> Int {
        var count = 0, inWord = false
        for byte in text {
            let isWordByte = byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if isWordByte, !inWord { count += 1 }
            inWord = isWordByte
        }
        return count
    }

    static let errorTitleWords = ["404", "not found", "page not found", "error", "access denied", "forbidden", "unavailable",
                                  "sign in", "log in", "subscribe to continue", "just a moment", "are you a robot", "captcha"]

    static func looksLikeErrorTitle(_ title: String) -> Bool {
        let lowered = title.lowercased()
        return errorTitleWords.contains { lowered.contains($0) }
    }
}
