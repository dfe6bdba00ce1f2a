/// The text measures of every element below a node, summed bottom-up in one pass.
///
/// Lengths are in characters (not bytes, so that thresholds mean the same in Cyrillic or
/// Chinese), with runs of white space counted as one, as Readability measures `innerText`.
struct TextStats {
    /// Characters of text below each node.
    private(set) var characters: [Int32]
    /// Characters of text inside links below each node; links to `#` anchors count 0.3.
    private(set) var linkCharacters: [Float]
    /// Commas (Latin, Arabic, CJK) in the text below each node.
    private(set) var commas: [Int32]

    init(_ tree: HTMLTree, from root: HTMLTree.Index = HTMLTree.root) {
        characters = Array(repeating: 0, count: tree.count)
        linkCharacters = Array(repeating: 0, count: tree.count)
        commas = Array(repeating: 0, count: tree.count)
        for index in tree.bottomUp(from: root) {
            let node = tree[index]
            let slot = Int(index)
            if node.isText {
                (characters[slot], commas[slot]) = Self.measure(tree.text(of: index))
            } else if node.tag.isInvisible {
                continue
            } else if node.tag == .a {
                let weight: Float = tree.attribute(.href, of: index)?.first == UInt8(ascii: "#") ? 0.3 : 1
                linkCharacters[slot] = Float(characters[slot]) * weight
            }
            let parent = node.parent
            guard parent >= 0, index != root else { continue }
            characters[Int(parent)] += characters[slot]
            commas[Int(parent)] += commas[slot]
            linkCharacters[Int(parent)] += linkCharacters[slot]
        }
    }

    /// Takes a node that leaves the tree out of its ancestors' sums.
    mutating func remove(_ index: HTMLTree.Index, from tree: HTMLTree) {
        let slot = Int(index)
        var ancestor = tree[index].parent
        while ancestor >= 0 {
            characters[Int(ancestor)] -= characters[slot]
            commas[Int(ancestor)] -= commas[slot]
            linkCharacters[Int(ancestor)] -= linkCharacters[slot]
            ancestor = tree[ancestor].parent
        }
    }

    func characters(_ index: HTMLTree.Index) -> Int { Int(characters[Int(index)]) }
    func commas(_ index: HTMLTree.Index) -> Int { Int(commas[Int(index)]) }

    /// The share of an element's text that is link text, 0 for an element without text.
    func linkDensity(_ index: HTMLTree.Index) -> Double {
        let total = characters[Int(index)]
        return total > 0 ? Double(linkCharacters[Int(index)]) / Double(total) : 0
    }

    /// The link density of one element, measured by a walk of its subtree alone (the full table
    /// costs a pass over the whole page, which a `div` met on the way cannot afford).
    static func linkDensity(of root: HTMLTree.Index, in tree: HTMLTree) -> Double {
        var total: Int32 = 0
        var links: Float = 0
        var linkDepth: [Float] = []
        tree.walk(from: root, enter: { index in
            let node = tree[index]
            if node.isText {
                let characters = measure(tree.text(of: index)).0
                total += characters
                if let weight = linkDepth.last { links += Float(characters) * weight }
                return false
            }
            if node.tag.isInvisible { return false }
            if node.tag == .a { linkDepth.append(tree.attribute(.href, of: index)?.first == UInt8(ascii: "#") ? 0.3 : 1) }
            return true
        }, exit: { index in
            if tree[index].tag == .a && !tree[index].isText && !linkDepth.isEmpty { linkDepth.removeLast() }
        })
        return total > 0 ? Double(links) / Double(total) : 0
    }

    /// Characters and commas of one text node, white space runs counted once (leading and
    /// trailing runs too: text nodes are joined by them).
    static func measure(_ text: ArraySlice<UInt8>) -> (Int32, Int32) {
        var characters: Int32 = 0
        var commas: Int32 = 0
        var inSpace = false
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                if !inSpace { characters += 1 }
                inSpace = true
            } else {
                inSpace = false
                if byte & 0xC0 != 0x80 { characters += 1 }  // a character's first byte
                if byte == 0x2C {
                    commas += 1
                } else if byte >= 0xD8 {
                    commas += isWideComma(text, at: index) ? 1 : 0
                }
            }
            index += 1
        }
        return (characters, commas)
    }

    /// Arabic comma U+060C (D8 8C), full-width U+FF0C (EF BC 8C), ideographic U+3001 (E3 80 81).
    private static func isWideComma(_ text: ArraySlice<UInt8>, at index: Int) -> Bool {
        let byte = text[index]
        if byte == 0xD8 { return index + 1 < text.endIndex && text[index + 1] == 0x8C }
        guard index + 2 < text.endIndex else { return false }
        if byte == 0xEF { return text[index + 1] == 0xBC && text[index + 2] == 0x8C }
        if byte == 0xE3 { return text[index + 1] == 0x80 && text[index + 2] == 0x81 }
        return false
    }
}
