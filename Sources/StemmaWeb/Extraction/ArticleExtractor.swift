/// Finds a page's article: Readability's search, run again with fewer prunings while the result
/// is shorter than ``minimumCharacters``, then checked against the page's JSON-LD `articleBody`.
///
/// The retries are Readability's: a short result usually means the first pass pruned the article
/// itself (its container named like furniture), so the next pass keeps unlikely-named elements,
/// then ignores class names, then cleans nothing. When every pass stays short, the longest wins.
enum ArticleExtractor {
    static let minimumCharacters = 500

    struct Article {
        var text: [UInt8]
        var byline: String?
        var captions: [String]
    }

    static func article(of tree: HTMLTree, title: String?, articleBody: String?) -> Article {
        var article = search(tree, title: title)
        // A page that gives its whole text as JSON-LD `articleBody` while its markup hides most of
        // it (loaded by script, split over tabs) is read from the structured data.
        // Bytes first: splitting a long body into paragraphs costs more than the comparison.
        if let articleBody, articleBody.utf8.count > 2 * article.text.count {
            let body = paragraphs(articleBody)
            if characters(body) > 2 * characters(article.text), characters(body) >= minimumCharacters { article.text = body }
        }
        return article
    }

    private static func search(_ tree: HTMLTree, title: String?) -> Article {
        var longest: (article: Article, characters: Int) = (Article(text: [], captions: []), -1)
        for flags: ContentScorer.Flags in [.all, [.weightClasses, .cleanConditionally], [.cleanConditionally], []] {
            var scorer = ContentScorer(tree: tree, flags: flags, title: title)
            let roots = scorer.run()
            let article = Article(text: BlockTextWriter.text(of: scorer.tree, roots: roots), byline: scorer.byline, captions: scorer.captions)
            let count = characters(article.text)
            if count >= minimumCharacters { return article }
            if count > longest.characters { longest = (article, count) }
        }
        return longest.article
    }

    static func characters(_ text: [UInt8]) -> Int {
        text.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    /// `articleBody` as paragraphs: its lines, trimmed, separated by blank lines.
    static func paragraphs(_ body: String) -> [UInt8] {
        let lines = body.split(whereSeparator: \.isNewline).map { PageMetadata.collapsed(String($0)) }.filter { !$0.isEmpty }
        return Array(lines.joined(separator: "\n\n").utf8)
    }
}
