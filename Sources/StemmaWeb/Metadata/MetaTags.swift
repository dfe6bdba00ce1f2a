/// The `<meta>` tags of a page by normalised key: `property` (each of its space-separated
/// values), `name`, `itemprop` or `http-equiv`, lower-cased, white space removed, dots as colons
/// (`DC.title` and `dc:title` are one key). The first value of a key is kept.
struct MetaTags {
    private var values: [String: String] = [:]
    /// The first `<time datetime>` of the page, a date of last resort.
    var timeDatetime: String?

    subscript(_ key: String) -> String? { values[key] }

    mutating func read(_ tree: HTMLTree, _ index: HTMLTree.Index) {
        guard let content = tree.string(.content, of: index), !content.isEmpty else { return }
        var keys: [String] = []
        if let property = tree.string(.property, of: index) { keys += property.split(whereSeparator: \.isWhitespace).map(String.init) }
        for attribute in [HTMLTree.AttributeName.name, .itemprop, .httpEquiv] {
            if let name = tree.string(attribute, of: index) { keys.append(name) }
        }
        for key in keys {
            let normalised = String(key.lowercased().filter { !$0.isWhitespace }.map { $0 == "." ? ":" : $0 })
            if values[normalised] == nil { values[normalised] = content }
        }
    }
}
