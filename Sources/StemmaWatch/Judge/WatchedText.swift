public import StemmaWeb

/// The text a watched page's versions are stored as: its headline, a blank line, and the
/// article, so that a rewritten headline is a change like any other and shows in the diff.
public enum WatchedText {
    /// Reads a fetched page as its versions are read: a watch check and a reextract read it
    /// the same way, so that they compare like with like.
    public static func page(html: [UInt8], contentType: String?, url: String) throws -> WebPage {
        try WebPage.read(html: html, contentType: contentType, url: url, mode: .article, maximumElements: WebReader.defaultMaximumElements)
    }

    public static func of(_ page: WebPage) -> [UInt8] {
        let headline = page.title.map { Array($0.utf8) } ?? []
        guard !headline.isEmpty else { return page.text }
        guard !page.text.isEmpty else { return headline }
        return headline + Array("\n\n".utf8) + page.text
    }
}
