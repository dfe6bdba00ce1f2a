/// Finds a page's article: Readability's search, run again with fewer prunings while the result
/// is shorter than ``minimumCharacters``, then checked against the page's JSON-LD `articleBody`.
///
/// The retries are Readability's: a short result usually means the first pass pruned the article
/// itself (its container named like furniture), so the next pass keeps unlikely-named elements,
/// then ignores class names, then cleans nothing. When every pass stays short, the longest wins.
enum ArticleExtractor {
    static let minimumCharacters = 500

    static func article(of tree: HTMLTree, title: String?) -> (text: [UInt8], byline: String?) {
        var longest: (text: [UInt8], byline: String?, characters: Int) = ([], nil, -1)
        for flags: ContentScorer.Flags in [.all, [.weightClasses, .cleanConditionally], [.cleanConditionally], []] {
            var scorer = ContentScorer(tree: tree, flags: flags, title: title)
            let roots = scorer.run()
            let text = BlockTextWriter.text(of: scorer.tree, roots: roots)
            let characters = text.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
            if characters >= minimumCharacters { return (text, scorer.byline) }
            if characters > longest.characters { longest = (text, scorer.byline, characters) }
        }
        return (longest.text, longest.byline)
    }
}
