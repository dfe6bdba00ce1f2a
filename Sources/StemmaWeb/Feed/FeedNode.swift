import CLibXML2
import Glibc

/// An element of a parsed feed, read in place in libxml2's tree.
///
/// Valid only while its document lives: ``FeedReader`` builds the ``Feed`` before it frees
/// the document, and no node escapes.
///
/// ```swift
/// let title = channel.child("title", where: FeedNamespace.isRSS)?.text
/// ```
struct FeedNode {
    let pointer: xmlNodePtr

    /// The element's name without its prefix.
    var localName: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    /// The namespace URI, or nil for none.
    var namespace: String? { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// The child elements, in order.
    var elements: [FeedNode] {
        var result: [FeedNode] = []
        var next = pointer.pointee.children
        while let node = next {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(FeedNode(pointer: node)) }
            next = node.pointee.next
        }
        return result
    }

    /// The child elements called `name` whose namespace `namespace` accepts. Names compare
    /// ignoring ASCII case: feeds written by hand say `<Title>` and `<pubdate>`.
    func children(_ name: String, where namespace: (String?) -> Bool) -> [FeedNode] {
        let name = name.lowercased()
        return elements.filter { $0.localName.lowercased() == name && namespace($0.namespace) }
    }

    func child(_ name: String, where namespace: (String?) -> Bool) -> FeedNode? {
        children(name, where: namespace).first
    }

    /// The value of the attribute with local name `name` in any namespace; CDF wants
    /// `caseInsensitive`, its documents spell `HREF` and `href` alike.
    func attribute(_ name: String, caseInsensitive: Bool = false) -> String? {
        let wanted = caseInsensitive ? name.lowercased() : name
        var next = pointer.pointee.properties
        while let attribute = next {
            next = attribute.pointee.next
            guard let raw = attribute.pointee.name else { continue }
            let found = String(cString: raw)
            guard (caseInsensitive ? found.lowercased() : found) == wanted else { continue }
            return FeedNode.taking(xmlNodeListGetString(pointer.pointee.doc, attribute.pointee.children, 1)) ?? ""
        }
        return nil
    }

    /// The text of the element and its descendants, in document order.
    ///
    /// An entity reference libxml2 left unexpanded (XML_PARSE_NOENT is off, so that no
    /// document can make us expand entities) counts as its HTML character where it names
    /// one, as feeds written for browsers use `&nbsp;` without a DTD; else as nothing.
    var text: String {
        var bytes: [UInt8] = []
        FeedNode.appendText(of: pointer.pointee.children, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendText(of first: xmlNodePtr?, to bytes: inout [UInt8]) {
        var next = first
        while let node = next {
            next = node.pointee.next
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
                }
            case XML_ENTITY_REF_NODE:
                if let name = node.pointee.name, let entity = htmlEntityLookup(name),
                    let scalar = Unicode.Scalar(entity.pointee.value)
                {
                    bytes.append(contentsOf: String(Character(scalar)).utf8)
                }
            case XML_ELEMENT_NODE:
                appendText(of: node.pointee.children, to: &bytes)
            default:
                break
            }
        }
    }

    /// `reference` resolved against this element's base: its `xml:base`, inherited along the
    /// tree, over the document's URL.
    func resolve(_ reference: String) -> String {
        let base = FeedNode.taking(xmlNodeGetBase(pointer.pointee.doc, pointer))
        return FeedURL.resolve(reference, against: base)
    }

    /// A string libxml2 allocated for us, freed once copied. libxml2's `xmlFree` is a mutable
    /// global Swift 6 will not read from any thread; it is `free` unless `xmlMemSetup` changed
    /// it, which nothing in Stemma calls.
    static func taking(_ string: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let string else { return nil }
        defer { free(string) }
        return String(cString: string)
    }
}
