/// One pass of Readability's article search (Arc90's algorithm, as Mozilla keeps it) over a copy
/// of the page: prune, score paragraphs, pick the best container and its related siblings.
///
/// Paragraphs earn points for their length and commas; each adds its score to its parent, half to
/// its grandparent and less further up. Containers start from their tag and their class and id
/// names, and their final score is discounted by their link density. The best container wins, with
/// the siblings that score close to it or read as prose. ``ArticleExtractor`` runs it again with
/// fewer prunings when the result is too short.
struct ContentScorer {
    struct Flags: OptionSet {
        let rawValue: Int
        static let stripUnlikely = Flags(rawValue: 1)
        static let weightClasses = Flags(rawValue: 2)
        static let cleanConditionally = Flags(rawValue: 4)
        static let all: Flags = [.stripUnlikely, .weightClasses, .cleanConditionally]
    }

    var tree: HTMLTree
    let flags: Flags
    /// The page's title, so that a heading repeating it is left out of the body.
    let title: [UInt8]
    private(set) var byline: String?
    /// The text of the article's image captions, which the body leaves out.
    var captions: [String] = []
    // Indexed like the tree's nodes; read by the scoring and cleaning extensions.
    var scores: [Float]
    var scored: [Bool]
    var toScore: [HTMLTree.Index] = []

    init(tree: HTMLTree, flags: Flags, title: String?) {
        self.tree = tree
        self.flags = flags
        self.title = Array((title ?? "").utf8)
        scores = Array(repeating: 0, count: tree.count)
        scored = Array(repeating: false, count: tree.count)
    }

    /// The elements of the article, in order, all children of one parent.
    mutating func run() -> [HTMLTree.Index] {
        prune()
        let stats = TextStats(tree)
        scoreParagraphs(stats)
        let article = siblings(of: topCandidate(stats), stats)
        clean(article)
        return article
    }

    // MARK: Pruning

    /// Removes hidden and unlikely elements and the byline, and turns text-only `div`s into
    /// paragraphs, as Readability's first walk does.
    private mutating func prune() {
        var removedTitle = false
        var current = tree.nextInDocument(HTMLTree.root)
        while current >= 0 {
            let node = tree[current]
            if node.isText {
                current = tree.nextSkippingChildren(current)
                continue
            }
            let match = ClassPatterns.matchString(tree, current)
            if shouldRemove(current, match: match, removedTitle: &removedTitle) {
                let next = tree.nextSkippingChildren(current)
                tree.remove(current)
                current = next
                continue
            }
            if [.section, .h2, .h3, .h4, .h5, .h6, .p, .td, .pre].contains(node.tag) { toScore.append(current) }
            if node.tag == .div { current = paragraphsOfDiv(current) }
            current = tree.nextInDocument(current)
        }
    }

    private mutating func shouldRemove(_ index: HTMLTree.Index, match: [UInt8], removedTitle: inout Bool) -> Bool {
        let tag = tree[index].tag
        if tag.isInvisible && tag != .title && tag != .head || tree.isHidden(index) { return true }
        if byline == nil, let text = bylineText(index, match: match) {
            byline = text
            return true
        }
        if !removedTitle, tag == .h1 || tag == .h2, repeatsTitle(index) {
            removedTitle = true
            return true
        }
        if flags.contains(.stripUnlikely) {
            if ClassPatterns.matches(match, anyOf: ClassPatterns.unlikely), !ClassPatterns.matches(match, anyOf: ClassPatterns.maybe),
               tag != .body, tag != .a, !tree.hasAncestor(index, tag: .table), !tree.hasAncestor(index, tag: .code) {
                return true
            }
            if let role = tree.string(.role, of: index), ClassPatterns.unlikelyRoles.contains(role.lowercased()) { return true }
        }
        if [.div, .section, .header, .h1, .h2, .h3, .h4, .h5, .h6].contains(tag), isWithoutContent(index) { return true }
        return false
    }

    private func isWithoutContent(_ index: HTMLTree.Index) -> Bool {
        for child in tree.children(of: index) {
            let node = tree[child]
            if node.isText {
                if tree.text(of: child).contains(where: { $0 > 0x20 }) { return false }
            } else if node.tag != .br && node.tag != .hr {
                return false
            }
        }
        return true
    }

    /// A byline: a short element marked as the author (`rel=author`, `itemprop=author`, or an
    /// author-like class or id).
    private func bylineText(_ index: HTMLTree.Index, match: [UInt8]) -> String? {
        let rel = tree.string(.rel, of: index)?.lowercased()
        let itemprop = tree.string(.itemprop, of: index)?.lowercased()
        guard rel == "author" || itemprop?.contains("author") == true || ClassPatterns.matches(match, anyOf: ClassPatterns.byline)
        else { return nil }
        let text = String(decoding: BlockTextWriter.text(of: tree, from: index), as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return !text.isEmpty && text.count < 100 ? text : nil
    }

    private func repeatsTitle(_ index: HTMLTree.Index) -> Bool {
        guard !title.isEmpty else { return false }
        let heading = BlockTextWriter.text(of: tree, from: index)
        return TitleSimilarity.similarity(title, heading) > 0.75
    }

    /// Readability's handling of a `div`: runs of inline content become paragraphs; a `div`
    /// holding one paragraph and few links gives way to it; a `div` without block children is a
    /// paragraph. Returns the node the walk goes on from.
    private mutating func paragraphsOfDiv(_ div: HTMLTree.Index) -> HTMLTree.Index {
        var runs: [(first: HTMLTree.Index, last: HTMLTree.Index, before: HTMLTree.Index)] = []
        var inRun = false
        var previous: HTMLTree.Index = -1
        var child = tree[div].firstChild
        while child >= 0 {
            if isPhrasing(child) {
                if inRun {
                    runs[runs.count - 1].last = child
                } else if !isWhitespace(child) {
                    runs.append((child, child, previous))
                    inRun = true
                }
            } else {
                inRun = false
            }
            previous = child
            child = tree[child].next
        }
        for run in runs {
            tree.wrap(run.first, through: run.last, of: div, after: run.before, in: .p)
            scores.append(0)
            scored.append(false)
        }
        if let paragraph = singleParagraph(in: div), TextStats.linkDensity(of: div, in: tree) < 0.25 {
            tree.replace(div, with: paragraph)
            toScore.append(paragraph)
            return paragraph
        }
        if !containsBlock(div) {
            tree[div].tag = .p
            toScore.append(div)
        }
        return div
    }

    /// The one child element of `index` when it is a `p` and no text stands beside it.
    private func singleParagraph(in index: HTMLTree.Index) -> HTMLTree.Index? {
        var found: HTMLTree.Index?
        for child in tree.children(of: index) {
            if tree[child].isText {
                if !isWhitespace(child) { return nil }
            } else if found == nil && tree[child].tag == .p {
                found = child
            } else {
                return nil
            }
        }
        return found
    }

    private func isWhitespace(_ index: HTMLTree.Index) -> Bool {
        tree[index].isText && !tree.text(of: index).contains(where: { $0 > 0x20 })
    }

    /// Inline content: text, phrasing elements, and links or edits holding only those.
    private func isPhrasing(_ index: HTMLTree.Index) -> Bool {
        let node = tree[index]
        if node.isText || node.tag.isPhrasing { return true }
        guard node.tag == .a || node.tag == .del || node.tag == .ins else { return false }
        var phrasing = true
        tree.walk(from: index) { inner in
            guard phrasing, inner != index else { return phrasing }
            let innerNode = tree[inner]
            if !innerNode.isText && !innerNode.tag.isPhrasing && innerNode.tag != .a { phrasing = false }
            return phrasing
        }
        return phrasing
    }

    /// Whether an element holds a block element (Readability's `_hasChildBlockElement`).
    private func containsBlock(_ index: HTMLTree.Index) -> Bool {
        var found = false
        tree.walk(from: index) { node in
            if found { return false }
            if node != index, !tree[node].isText, [.blockquote, .dl, .div, .img, .ol, .p, .pre, .table, .ul].contains(tree[node].tag) {
                found = true
            }
            return !found
        }
        return found
    }
}
