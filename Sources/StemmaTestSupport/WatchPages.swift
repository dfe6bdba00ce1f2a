/// Feeds and news pages for the watch tests, written for them: an article of a few paragraphs
/// inside the furniture of a news site.
public enum WatchPages {
    /// A news page with a headline, navigation and an article of `paragraphs`.
    public static func article(_ title: String, _ paragraphs: [String], stamp: String? = nil) -> [UInt8] {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return Array("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(title) | The Harbour Ledger</title></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
            <article><h1>\(title)</h1>\(stamp.map { "<p class=\"stamp\">\($0)</p>" } ?? "")
            \(body)
            </article><footer><a href="/about">About us</a> · <a href="/privacy">Privacy</a></footer></body></html>
            """.utf8)
    }

    public static let bridge = [
        "The harbour bridge reopened to traffic on Tuesday morning after eleven weeks of repairs, the city's transport office said, and 12 people were waiting to cross when the barriers lifted.",
        "Engineers replaced the worn bearings under the northern span, resurfaced the deck and repainted the railings, work that the council had postponed twice for lack of money.",
        "Shopkeepers on the quay, who said they had lost customers during the closure, welcomed the reopening, although several asked why the work had taken so much longer than planned.",
    ]

    public static let council = [
        "The council voted on Monday evening to review how the bridge repair contract was awarded, after two members asked for the tender documents to be published in full.",
        "The review, which will be led by an outside auditor, is expected to report before the summer recess, according to the council's chief executive, who welcomed the scrutiny.",
        "Opposition members said the review should also cover the delays, which they blamed on poor planning rather than on the weather, as the contractor has argued.",
    ]

    public static func rss(_ links: [String]) -> [UInt8] {
        let items = links.map { "<item><title>Story</title><link>\($0)</link></item>" }.joined()
        return Array("""
            <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>The Harbour Ledger</title>
            \(items)</channel></rss>
            """.utf8)
    }

    public static let html = [("Content-Type", "text/html; charset=utf-8")]
    public static let rssType = [("Content-Type", "application/rss+xml")]
}
