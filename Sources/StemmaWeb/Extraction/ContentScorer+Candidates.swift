extension ContentScorer {
    /// How far up a paragraph's score reaches.
    static let ancestorLevels = 5
    static let topCandidateCount = 5

    /// Gives each paragraph of 25 characters or more its score, and shares it with its ancestors.
    mutating func scoreParagraphs(_ stats: TextStats) {
        for paragraph in toScore where tree.isAttached(paragraph) {
            let length = stats.characters(paragraph)
            guard length >= 25 else { continue }
            let score = 1 + Float(stats.commas(paragraph)) + Float(min(length / 100, 3))
            var ancestor = tree[paragraph].parent
            var level = 0
            while ancestor > HTMLTree.root && level < Self.ancestorLevels {
                // Readability stops at the document: `html` has no parent element to score.
                if tree[ancestor].tag == .html { break }
                if !scored[Int(ancestor)] {
                    scores[Int(ancestor)] = initialScore(ancestor)
                    scored[Int(ancestor)] = true
                }
                let divider: Float = level == 0 ? 1 : level == 1 ? 2 : Float(level * 3)
                scores[Int(ancestor)] += score / divider
                ancestor = tree[ancestor].parent
                level += 1
            }
        }
    }

    /// A container's score before its paragraphs: from its tag and its class and id names.
    func initialScore(_ index: HTMLTree.Index) -> Float {
        var score: Float
        switch tree[index].tag {
        case .div: score = 5
        case .pre, .td, .blockquote: score = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
        default: score = 0
        }
        return score + classWeight(index)
    }

    func classWeight(_ index: HTMLTree.Index) -> Float {
        flags.contains(.weightClasses) ? Float(ClassPatterns.weight(tree, index)) : 0
    }

    /// The best container: the highest score after the link-density discount, moved up to a
    /// shared ancestor when other strong candidates sit beside it, or to a parent that scores
    /// as well; the body when nothing scored.
    mutating func topCandidate(_ stats: TextStats) -> HTMLTree.Index {
        var candidates: [(index: HTMLTree.Index, score: Float)] = []
        for slot in scored.indices where scored[slot] {
            let index = HTMLTree.Index(slot)
            guard tree.isAttached(index) else { continue }
            scores[slot] *= Float(1 - stats.linkDensity(index))
            candidates.append((index, scores[slot]))
        }
        candidates.sort { $0.score > $1.score }
        let top = candidates.prefix(Self.topCandidateCount)
        guard var best = top.first?.index, tree[best].tag != .body else { return body() }
        best = sharedAncestor(of: best, among: Array(top.dropFirst()))
        best = climbToBetterParent(best)
        // A lone child lends its place to its parent, so that siblings are found beside it.
        while tree[best].parent > HTMLTree.root, tree[tree[best].parent].tag != .body, tree[tree[best].parent].tag != .html,
              tree.children(of: tree[best].parent).filter({ !tree[$0].isText }).count == 1 {
            best = tree[best].parent
        }
        if !scored[Int(best)] {
            scores[Int(best)] = initialScore(best)
            scored[Int(best)] = true
        }
        return best
    }

    /// When three or more of the other top candidates score at least 75% of the best, their
    /// nearest ancestor shared with the best one holds the whole article.
    private func sharedAncestor(of best: HTMLTree.Index, among others: [(index: HTMLTree.Index, score: Float)]) -> HTMLTree.Index {
        let bestScore = scores[Int(best)]
        guard bestScore > 0 else { return best }
        let close = others.filter { $0.score / bestScore >= 0.75 }.map(\.index)
        guard close.count >= 3 else { return best }
        let ancestorsOfClose = close.map { Set(ancestors(of: $0)) }
        var candidate = tree[best].parent
        while candidate > HTMLTree.root, tree[candidate].tag != .body {
            if ancestorsOfClose.filter({ $0.contains(candidate) }).count >= 3 { return candidate }
            candidate = tree[candidate].parent
        }
        return best
    }

    private func ancestors(of index: HTMLTree.Index) -> [HTMLTree.Index] {
        var result: [HTMLTree.Index] = []
        var current = tree[index].parent
        while current >= 0 {
            result.append(current)
            current = tree[current].parent
        }
        return result
    }

    /// Walks up while the parents' scores hold up: a parent scoring more than the child it came
    /// from holds more of the article.
    private func climbToBetterParent(_ start: HTMLTree.Index) -> HTMLTree.Index {
        var best = start
        var lastScore = scores[Int(best)]
        let threshold = lastScore / 3
        var parent = tree[best].parent
        while parent > HTMLTree.root, tree[parent].tag != .body, tree[parent].tag != .html {
            guard scored[Int(parent)] else {
                parent = tree[parent].parent
                continue
            }
            let parentScore = scores[Int(parent)]
            if parentScore < threshold { break }
            if parentScore > lastScore {
                best = parent
                break
            }
            lastScore = parentScore
            parent = tree[parent].parent
        }
        return best
    }

    /// The `body` element, or the root when the page has none.
    func body() -> HTMLTree.Index {
        var found = HTMLTree.root
        tree.walk(from: HTMLTree.root) { index in
            if tree[index].tag == .body { found = index }
            return found == HTMLTree.root && !tree[index].isText
        }
        return found
    }

    /// The best container and those of its siblings that belong to the article: scored close to
    /// it (a bonus for sharing its class), or paragraphs that read as prose with few links.
    func siblings(of best: HTMLTree.Index, _ stats: TextStats) -> [HTMLTree.Index] {
        let parent = tree[best].parent
        guard parent >= 0, tree[best].tag != .body, tree[best].tag != .html else { return [best] }
        let bestScore = scores[Int(best)]
        let threshold = max(10, bestScore * 0.2)
        let bestClass = tree.attribute(.class, of: best)
        var result: [HTMLTree.Index] = []
        for sibling in tree.children(of: parent) {
            if sibling == best {
                result.append(sibling)
                continue
            }
            guard !tree[sibling].isText else { continue }
            var bonus: Float = 0
            if let bestClass, !bestClass.isEmpty, tree.attribute(.class, of: sibling) == bestClass { bonus = bestScore * 0.2 }
            if scored[Int(sibling)] && scores[Int(sibling)] + bonus >= threshold {
                result.append(sibling)
            } else if tree[sibling].tag == .p {
                let density = stats.linkDensity(sibling)
                let length = stats.characters(sibling)
                if length > 80 && density < 0.25 {
                    result.append(sibling)
                } else if length < 80, length > 0, density == 0, endsSentence(sibling) {
                    result.append(sibling)
                }
            }
        }
        return result
    }

    /// Whether a paragraph's text has a full stop followed by a space or the end.
    private func endsSentence(_ index: HTMLTree.Index) -> Bool {
        let text = BlockTextWriter.text(of: tree, from: index)
        for (offset, byte) in text.enumerated() where byte == UInt8(ascii: ".") {
            if offset + 1 == text.count || text[offset + 1] == 0x20 { return true }
        }
        return false
    }
}
