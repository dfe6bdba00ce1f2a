/// Writes the text of part of an ``HTMLTree`` as a reader sees it, structure kept.
///
/// Paragraph-level elements (`p`, headings, lists, tables, quotes, `div`…) are separated by a
/// blank line; list items, table rows and `<br>` start a line; cells of a row are separated by a
/// tab; white space inside a block collapses to one space, except in `pre`. So a sentence is never
/// glued across blocks, and `stemma diff` sees the page's paragraphs.
struct BlockTextWriter {
    private enum Break: Int, Comparable {
        case none, space, cell, line, paragraph
        static func < (a: Break, b: Break) -> Bool { a.rawValue < b.rawValue }
    }

    private(set) var output: [UInt8] = []
    private var pending = Break.none
    private var preformatted = 0
    /// Whether a `<br>` was the last thing written, so that a second one makes a blank line.
    private var afterBreak = false

    /// The text below `root`, invisible and hidden elements left out.
    static func text(of tree: HTMLTree, from root: HTMLTree.Index) -> [UInt8] {
        var writer = BlockTextWriter()
        writer.output.reserveCapacity(4_096)
        tree.walk(from: root, enter: { index in
            let node = tree[index]
            if node.isText {
                writer.write(tree.bytes[Int(node.start)..<Int(node.start + node.count)])
                return false
            }
            if node.tag.isInvisible || tree.isHidden(index) { return false }
            writer.open(node.tag)
            return true
        }, exit: { index in
            let node = tree[index]
            guard !node.isText, !node.tag.isInvisible else { return }
            writer.close(node.tag)
        })
        return writer.output
    }

    /// The text below `root` joined as it is, for elements whose content is data (`title`,
    /// JSON-LD scripts) rather than markup.
    static func rawText(of tree: HTMLTree, from root: HTMLTree.Index) -> [UInt8] {
        var result: [UInt8] = []
        tree.walk(from: root) { index in
            if tree[index].isText { result.append(contentsOf: tree.text(of: index)) }
            return !tree[index].isText
        }
        return result
    }

    /// The text of several roots in order, as one text.
    static func text(of tree: HTMLTree, roots: [HTMLTree.Index]) -> [UInt8] {
        var result: [UInt8] = []
        for root in roots {
            let part = text(of: tree, from: root)
            guard !part.isEmpty else { continue }
            if !result.isEmpty { result.append(contentsOf: [0x0A, 0x0A]) }
            result.append(contentsOf: part)
        }
        return result
    }

    private mutating func open(_ tag: HTMLTag) {
        switch tag {
        case .br:
            request(afterBreak ? .paragraph : .line)
            afterBreak = true
            return
        case .pre: preformatted += 1
        default: break
        }
        if tag.isParagraph { request(.paragraph) } else if tag.isLine { request(.line) } else if tag.isCell { request(.cell) }
    }

    private mutating func close(_ tag: HTMLTag) {
        if tag == .pre { preformatted -= 1 }
        if tag.isParagraph { request(.paragraph) } else if tag.isLine && tag != .br { request(.line) }
    }

    private mutating func request(_ level: Break) {
        if level > pending { pending = level }
    }

    private mutating func write(_ text: ArraySlice<UInt8>) {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if preformatted > 0 {
                if byte == 0x0A { request(.line); afterBreak = false } else if byte != 0x0D { flush(); output.append(byte) }
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                request(.space)
                index += 1
            } else if byte == 0xC2, index + 1 < text.endIndex, text[index + 1] == 0xA0 {
                request(.space)  // a no-break space separates words like any other
                index += 2
            } else {
                flush()
                output.append(byte)
                index += 1
            }
        }
    }

    /// Writes the pending separator before the next visible byte; none at the very start.
    private mutating func flush() {
        afterBreak = false
        defer { pending = .none }
        guard !output.isEmpty else { return }
        switch pending {
        case .none: break
        case .space: output.append(0x20)
        case .cell: output.append(0x09)
        case .line: output.append(0x0A)
        case .paragraph: output.append(contentsOf: [0x0A, 0x0A])
        }
    }
}

extension HTMLTree {
    /// Whether an element is hidden from readers: `hidden`, `aria-hidden="true"`, or an inline
    /// style of `display: none` or `visibility: hidden`.
    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    func isHidden(_ index: Index) -> Bool {
        let node = self[index]
        guard !node.isText, node.count > 0 else { return false }
        if attribute(.hidden, of: index) != nil { return true }
        if let aria = attribute(.ariaHidden, of: index), aria.elementsEqual("true".utf8) {
            // Some sites hide a fallback image's wrapper this way, never text that matters.
            return true
        }
        guard let style = attribute(.style, of: index) else { return false }
        var compact: [UInt8] = []
        compact.reserveCapacity(style.count)
        for byte in style where byte != 0x20 && byte != 0x09 && byte != 0x0A { compact.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)) }
        return ByteSearch.contains(compact[...], Self.displayNone) || ByteSearch.contains(compact[...], Self.visibilityHidden)
    }
}
