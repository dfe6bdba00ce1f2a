import CLibXML2

/// Builds an ``HTMLTree`` from libxml2's SAX events.
///
/// SAX rather than libxml2's own tree: the page is never held twice, and names and attributes are
/// read from the parser's buffers straight into the arena. Text inside scripts, styles and
/// templates is dropped as it arrives, except JSON-LD, which metadata reads.
///
/// A struct that the parser reaches through a pointer: as a class, Swift's run-time exclusivity
/// checks on its properties cost 4.5% of extraction.
struct HTMLTreeBuilder {
    var tree = HTMLTree()
    private var stack: [HTMLTree.Index] = [HTMLTree.root]
    /// Elements opened past ``maximumDepth``, which are not nested further (their text is kept).
    private var flattened = 0
    /// Whether text in the current element is dropped.
    private var dropsText: [Bool] = [false]
    /// Elements that metadata reads: `meta`, `link`, `title`, `html`, `time`, JSON-LD scripts.
    private(set) var headElements: [HTMLTree.Index] = []

    /// Deeper nesting is flattened: real pages stay far below it, and it bounds every walk up a
    /// node's ancestors.
    static let maximumDepth = 512

    mutating func start(_ name: UnsafePointer<UInt8>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard stack.count < Self.maximumDepth else {
            flattened += 1
            return
        }
        let tag = HTMLTag(name: name)
        let parent = stack[stack.count - 1]
        let index = HTMLTree.Index(tree.nodes.count)
        var node = HTMLTree.Node(tag: tag, isText: false, parent: parent)
        if let attributes { (node.start, node.count) = store(attributes) }
        tree.nodes.append(node)
        link(index, under: parent)
        stack.append(index)
        var drops = dropsText[dropsText.count - 1]
        switch tag {
        case .style, .template, .svg, .math, .noscript, .textarea, .select: drops = true
        case .script: drops = !isJSONLD(index)
        case .meta, .link, .title, .html, .time: headElements.append(index)
        default: break
        }
        if tag == .script && !drops { headElements.append(index) }
        dropsText.append(drops)
    }

    mutating func end() {
        if flattened > 0 {
            flattened -= 1
            return
        }
        guard stack.count > 1 else { return }
        stack.removeLast()
        dropsText.removeLast()
    }

    mutating func characters(_ text: UnsafePointer<UInt8>, _ count: Int) {
        guard count > 0, !dropsText[dropsText.count - 1] else { return }
        appendText(UnsafeBufferPointer(start: text, count: count))
    }

    /// Script bodies come here (libxml2 parses them as CDATA); only JSON-LD is kept.
    mutating func scriptText(_ text: UnsafePointer<UInt8>, _ count: Int) {
        let current = stack[stack.count - 1]
        guard count > 0, tree[current].tag == .script, !dropsText[dropsText.count - 1] else { return }
        appendText(UnsafeBufferPointer(start: text, count: count))
    }

    private mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        let parent = stack[stack.count - 1]
        let last = tree[parent].lastChild
        // Adjacent text (the parser splits text at entities) becomes one node.
        if last >= 0, tree[last].isText, Int(tree[last].start + tree[last].count) == tree.bytes.count {
            tree.bytes.append(contentsOf: text)
            tree[last].count += Int32(text.count)
            return
        }
        let index = HTMLTree.Index(tree.nodes.count)
        tree.nodes.append(HTMLTree.Node(tag: .other, isText: true, parent: parent, start: Int32(tree.bytes.count), count: Int32(text.count)))
        tree.bytes.append(contentsOf: text)
        link(index, under: parent)
    }

    private mutating func link(_ index: HTMLTree.Index, under parent: HTMLTree.Index) {
        let last = tree[parent].lastChild
        if last >= 0 { tree[last].next = index } else { tree[parent].firstChild = index }
        tree[index].previous = last
        tree[parent].lastChild = index
    }

    /// Copies the attributes extraction reads into the arena; returns their range.
    private mutating func store(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) -> (Int32, Int32) {
        let first = Int32(tree.attributes.count)
        var index = 0
        while let name = attributes[index] {
            let value = attributes[index + 1]
            index += 2
            guard let known = AttributeNames.lookup(name) else { continue }
            let start = Int32(tree.bytes.count)
            if let value {
                var length = 0
                while value[length] != 0 { length += 1 }
                tree.bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: length))
            }
            tree.attributes.append(HTMLTree.Attribute(name: known, start: start, count: Int32(tree.bytes.count) - start))
        }
        return (first, Int32(tree.attributes.count) - first)
    }

    private func isJSONLD(_ index: HTMLTree.Index) -> Bool {
        guard let type = tree.attribute(.type, of: index) else { return false }
        return String(decoding: type, as: UTF8.self).lowercased().contains("ld+json")
    }
}

/// The attribute names kept, looked up from bytes like ``HTMLTag``.
enum AttributeNames {
    static func lookup(_ name: UnsafePointer<UInt8>) -> HTMLTree.AttributeName? {
        var key: UInt64 = 0
        var length = 0
        while name[length] != 0 {
            // Attribute names may come in any case.
            var byte = name[length]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if length < 8 { key |= UInt64(byte) << (8 * UInt64(length)) }
            length += 1
            if length > 12 { return nil }
        }
        if length > 8 { key ^= UInt64(length) << 60 }
        return byKey[key]
    }

    private static let byKey: [UInt64: HTMLTree.AttributeName] = {
        let names: [(String, HTMLTree.AttributeName)] = [
            ("id", .id), ("class", .class), ("style", .style), ("hidden", .hidden), ("aria-hidden", .ariaHidden),
            ("role", .role), ("href", .href), ("itemprop", .itemprop), ("rel", .rel), ("datetime", .datetime),
            ("content", .content), ("name", .name), ("property", .property), ("charset", .charset), ("type", .type),
            ("lang", .lang), ("http-equiv", .httpEquiv), ("itemtype", .itemtype), ("itemscope", .itemscope),
        ]
        return Dictionary(uniqueKeysWithValues: names.map { (HTMLTag.key($0.0), $0.1) })
    }()
}
