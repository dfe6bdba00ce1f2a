/// A parsed page as one flat array of nodes in document order, with their text and the few
/// attributes extraction reads.
///
/// An arena rather than libxml2's tree: walking it is Swift array access, a node is 28 bytes, and
/// extraction's passes (scores, link density, removal marks) are arrays indexed like the nodes.
/// Children follow their parent, so a reverse pass over the array sees every child before it.
struct HTMLTree {
    typealias Index = Int32

    struct Node {
        var tag: HTMLTag
        var isText: Bool
        var parent: Index
        var firstChild: Index = -1
        var lastChild: Index = -1
        var next: Index = -1
        var previous: Index = -1
        /// A text node's bytes in ``HTMLTree/bytes``; an element's attributes in ``HTMLTree/attributes``.
        var start: Int32 = 0
        var count: Int32 = 0
    }

    enum AttributeName: UInt8 {
        case id, `class`, style, hidden, ariaHidden, role, href, itemprop, rel, datetime, content, name, property, charset,
             type, lang, httpEquiv, itemtype, itemscope
    }

    struct Attribute {
        var name: AttributeName
        var start: Int32
        var count: Int32
    }

    var nodes: [Node] = [Node(tag: .other, isText: false, parent: -1)]
    /// Text of text nodes and attribute values, UTF-8.
    var bytes: [UInt8] = []
    var attributes: [Attribute] = []

    static let root: Index = 0

    subscript(_ index: Index) -> Node {
        get { nodes[Int(index)] }
        set { nodes[Int(index)] = newValue }
    }

    var count: Int { nodes.count }

    /// The children of `index`, in order.
    func children(of index: Index) -> ChildSequence { ChildSequence(tree: self, upcoming: self[index].firstChild) }

    struct ChildSequence: Sequence, IteratorProtocol {
        let tree: HTMLTree
        var upcoming: Index
        mutating func next() -> Index? {
            guard upcoming >= 0 else { return nil }
            defer { upcoming = tree[upcoming].next }
            return upcoming
        }
    }

    /// The value of attribute `name` on element `index`, as bytes.
    func attribute(_ name: AttributeName, of index: Index) -> ArraySlice<UInt8>? {
        let node = self[index]
        guard !node.isText, node.count > 0 else { return nil }
        for attribute in attributes[Int(node.start)..<Int(node.start + node.count)] where attribute.name == name {
            return bytes[Int(attribute.start)..<Int(attribute.start + attribute.count)]
        }
        return nil
    }

    func string(_ name: AttributeName, of index: Index) -> String? {
        attribute(name, of: index).map { String(decoding: $0, as: UTF8.self) }
    }

    func text(of index: Index) -> ArraySlice<UInt8> {
        let node = self[index]
        return bytes[Int(node.start)..<Int(node.start + node.count)]
    }

    /// Whether `index` lies inside an element of `tag`, up to `depth` levels up.
    func hasAncestor(_ index: Index, tag: HTMLTag, depth: Int = .max) -> Bool {
        var current = self[index].parent
        var level = 0
        while current >= 0 && level < depth {
            if self[current].tag == tag { return true }
            current = self[current].parent
            level += 1
        }
        return false
    }

    /// Visits `from` and the nodes below it in document order; `body` returns whether to go into
    /// the node's children. Iterative: a page of 100,000 nested elements has no stack to overflow.
    func walk(from start: Index, _ body: (Index) throws -> Bool) rethrows {
        var current = start
        while true {
            if try body(current), self[current].firstChild >= 0 {
                current = self[current].firstChild
                continue
            }
            // Up to the nearest ancestor (below `start`) that has a next sibling.
            while current != start && self[current].next < 0 { current = self[current].parent }
            if current == start { return }
            current = self[current].next
        }
    }

    /// Visits the nodes from `start` down in document order, calling `enter` as each opens and
    /// `exit` as it closes; `enter` returns whether to go into the node's children (`exit` is
    /// called either way).
    func walk(from start: Index, enter: (Index) -> Bool, exit: (Index) -> Void) {
        var current = start
        while true {
            if enter(current), self[current].firstChild >= 0 {
                current = self[current].firstChild
                continue
            }
            exit(current)
            while current != start && self[current].next < 0 {
                current = self[current].parent
                exit(current)
            }
            if current == start { return }
            current = self[current].next
        }
    }

    /// The nodes from `start` down, each after all of its descendants (reversed document order),
    /// so that sums over subtrees take one pass.
    func bottomUp(from start: Index) -> [Index] {
        var order: [Index] = []
        walk(from: start) { order.append($0); return true }
        order.reverse()
        return order
    }

    /// Takes `index` (and what is below it) out of the tree.
    ///
    /// - Complexity: O(1).
    mutating func remove(_ index: Index) {
        let node = self[index]
        guard node.parent >= 0 else { return }
        if node.previous >= 0 { self[node.previous].next = node.next } else { self[node.parent].firstChild = node.next }
        if node.next >= 0 { self[node.next].previous = node.previous } else { self[node.parent].lastChild = node.previous }
        self[index].parent = -1
        self[index].next = -1
        self[index].previous = -1
    }

    /// Puts `child`, a descendant of `index`, in `index`'s place; `index` leaves the tree.
    mutating func replace(_ index: Index, with child: Index) {
        remove(child)
        let node = self[index]
        guard node.parent >= 0 else { return }
        self[child].parent = node.parent
        self[child].previous = node.previous
        self[child].next = node.next
        if node.previous >= 0 { self[node.previous].next = child } else { self[node.parent].firstChild = child }
        if node.next >= 0 { self[node.next].previous = child } else { self[node.parent].lastChild = child }
        self[index].parent = -1
        self[index].next = -1
        self[index].previous = -1
    }

    /// Whether `index` is still in the tree below the root.
    func isAttached(_ index: Index) -> Bool {
        var current = index
        var steps = 0
        while current != HTMLTree.root {
            current = self[current].parent
            steps += 1
            if current < 0 || steps > 100_000 { return false }
        }
        return true
    }

    /// The node after `index` in document order, skipping its children, below `root`; -1 at the end.
    func nextSkippingChildren(_ index: Index, within root: Index = HTMLTree.root) -> Index {
        var current = index
        while current != root && current >= 0 {
            if self[current].next >= 0 { return self[current].next }
            current = self[current].parent
        }
        return -1
    }

    /// The node after `index` in document order (its first child if it has one), below `root`.
    func nextInDocument(_ index: Index, within root: Index = HTMLTree.root) -> Index {
        if self[index].firstChild >= 0 { return self[index].firstChild }
        return nextSkippingChildren(index, within: root)
    }

    /// Puts the run of children `first` through `last` of `parent` (`previous` is the child
    /// before `first`, or -1) into a new element of `tag` standing where the run stood.
    ///
    /// - Complexity: O(length of the run).
    @discardableResult
    mutating func wrap(_ first: Index, through last: Index, of parent: Index, after previous: Index, in tag: HTMLTag) -> Index {
        let wrapper = Index(nodes.count)
        let after = self[last].next
        nodes.append(Node(tag: tag, isText: false, parent: parent, firstChild: first, lastChild: last, next: after, previous: previous))
        if previous >= 0 { self[previous].next = wrapper } else { self[parent].firstChild = wrapper }
        if after >= 0 { self[after].previous = wrapper } else { self[parent].lastChild = wrapper }
        self[last].next = -1
        self[first].previous = -1
        var current = first
        while current >= 0 {
            self[current].parent = wrapper
            current = self[current].next
        }
        return wrapper
    }
}
