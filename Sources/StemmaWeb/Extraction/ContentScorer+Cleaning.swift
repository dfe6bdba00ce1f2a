extension ContentScorer {
    /// Readability's clean-up of the chosen elements: furniture inside the article (forms, share
    /// bars, asides, link lists, layout tables) goes, judged by its counts of paragraphs, images,
    /// list items and inputs, its link density and its class and id names.
    mutating func clean(_ article: [HTMLTree.Index]) {
        var stats = TextStats(tree)
        takeCaptions(article, &stats)
        for tags in [[HTMLTag.form, .fieldset]] { cleanConditionally(article, tags, &stats) }
        removeAll(article, where: { [.object, .embed, .footer, .link, .aside, .iframe, .input, .textarea, .select, .button].contains($0.tag) }, &stats)
        removeShareWidgets(article, &stats)
        let negative = elements(article, { $0.tag == .h1 || $0.tag == .h2 }).filter { classWeight($0) < 0 }
        removeAll(article, where: { _ in false }, also: negative, &stats)
        for tag in [HTMLTag.table, .ul, .div] { cleanConditionally(article, [tag], &stats) }
    }

    /// Image captions and credits are the picture's, not the story's: their text is kept apart
    /// (``captions``) and left out of the body.
    private mutating func takeCaptions(_ article: [HTMLTree.Index], _ stats: inout TextStats) {
        for caption in elements(article, { $0.tag == .figcaption }) where tree.isAttached(caption) {
            let text = PageMetadata.collapsed(String(decoding: BlockTextWriter.text(of: tree, from: caption), as: UTF8.self))
            if !text.isEmpty { captions.append(text) }
            stats.remove(caption, from: tree)
            tree.remove(caption)
        }
    }

    /// The elements at or below the article's roots matching `test`, innermost last.
    private func elements(_ article: [HTMLTree.Index], _ test: (HTMLTree.Node) -> Bool) -> [HTMLTree.Index] {
        var found: [HTMLTree.Index] = []
        for root in article {
            tree.walk(from: root) { index in
                let node = tree[index]
                if !node.isText && test(node) { found.append(index) }
                return !node.isText
            }
        }
        return found
    }

    private mutating func removeAll(_ article: [HTMLTree.Index], where test: (HTMLTree.Node) -> Bool,
                                    also extra: [HTMLTree.Index] = [], _ stats: inout TextStats) {
        // Innermost first, so that the removal of an outer element never strands an inner one.
        for index in (elements(article, test) + extra).reversed() where tree.isAttached(index) {
            stats.remove(index, from: tree)
            tree.remove(index)
        }
    }

    /// Short share and social bars below the article's top elements.
    private mutating func removeShareWidgets(_ article: [HTMLTree.Index], _ stats: inout TextStats) {
        for root in article {
            var marked: [HTMLTree.Index] = []
            tree.walk(from: root) { index in
                guard index != root, !tree[index].isText else { return index == root }
                if ClassPatterns.isShareWidget(ClassPatterns.matchString(tree, index)), stats.characters(index) < 500 {
                    marked.append(index)
                    return false
                }
                return true
            }
            for index in marked {
                stats.remove(index, from: tree)
                tree.remove(index)
            }
        }
    }

    private mutating func cleanConditionally(_ article: [HTMLTree.Index], _ tags: [HTMLTag], _ stats: inout TextStats) {
        guard flags.contains(.cleanConditionally) else { return }
        let dataTables = DataTables(tree)
        for index in elements(article, { tags.contains($0.tag) }).reversed() where tree.isAttached(index) {
            if tree[index].tag == .table, dataTables.contains(index) { continue }
            if dataTables.isInside(index, tree) || tree.hasAncestor(index, tag: .code) { continue }
            if isFurniture(index, stats) {
                stats.remove(index, from: tree)
                tree.remove(index)
            }
        }
    }

    /// Readability's `_cleanConditionally` test for one element.
    private func isFurniture(_ index: HTMLTree.Index, _ stats: TextStats) -> Bool {
        let weight = classWeight(index)
        if weight < 0 { return true }
        guard stats.commas(index) < 10 else { return false }
        let counts = ElementCounts(tree, index, stats)
        let length = stats.characters(index)
        let tag = tree[index].tag
        let isList = tag == .ul || tag == .ol || (length > 0 && Double(counts.listCharacters) / Double(length) > 0.9)
        let inFigure = tree.hasAncestor(index, tag: .figure)
        let linkDensity = stats.linkDensity(index)
        let paragraphs = Double(counts.paragraphs)
        let headingDensity = length > 0 ? Double(counts.headingCharacters) / Double(length) : 0
        let remove = (!inFigure && counts.images > 1 && paragraphs / Double(counts.images) < 0.5)
            || (!isList && counts.listItems - 100 > counts.paragraphs)
            || (counts.inputs > counts.paragraphs / 3)
            || (!isList && !inFigure && headingDensity < 0.9 && length < 25 && (counts.images == 0 || counts.images > 2))
            || (!isList && weight < 25 && linkDensity > 0.2)
            || (weight >= 25 && linkDensity > 0.5)
            || (counts.embeds == 1 && length < 75) || counts.embeds > 1
        guard remove, isList else { return remove }
        // A gallery: a list whose every item is one image stays.
        let items = tree.children(of: index).filter { !tree[$0].isText }
        let galleries = items.filter { item in
            let inner = tree.children(of: item).filter { !tree[$0].isText }
            return inner.count == 1 && tree[inner[0]].tag == .img
        }
        return !(items.count > 0 && galleries.count == items.count)
    }
}

/// What `_cleanConditionally` counts below an element.
struct ElementCounts {
    var paragraphs = 0
    var images = 0
    var listItems = 0
    var inputs = 0
    var embeds = 0
    var headingCharacters = 0
    var listCharacters = 0

    init(_ tree: HTMLTree, _ root: HTMLTree.Index, _ stats: TextStats) {
        tree.walk(from: root) { index in
            let node = tree[index]
            guard !node.isText else { return false }
            guard index != root else { return true }
            switch node.tag {
            case .p: paragraphs += 1
            case .img: images += 1
            case .li: listItems += 1
            case .input: inputs += 1
            case .object, .embed, .iframe: embeds += 1
            case .ul, .ol: listCharacters += stats.characters(index)
            default: break
            }
            if node.tag.isHeading {
                headingCharacters += stats.characters(index)
                return false
            }
            return true
        }
    }
}
