import Foundation

/// The article a page describes in schema.org JSON-LD (`<script type="application/ld+json">`):
/// headline, authors, dates, publisher and, where the site gives it, the whole `articleBody`.
///
/// Pages nest it in arrays and `@graph` lists and mix it with breadcrumbs and organisations; the
/// first object whose `@type` is an article type is taken.
struct JSONLDArticle {
    var headline: String?
    var authors: [String] = []
    var datePublished: String?
    var dateModified: String?
    var publisher: String?
    var description: String?
    var articleBody: String?
    var url: String?

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
        "reviewnewsarticle", "blogposting", "liveblogposting", "socialmediaposting", "report", "scholarlyarticle", "techarticle",
        "apireference", "medicalscholarlyarticle", "discussionforumposting", "webpage", "creativework", "review",
    ]

    /// The article among the page's JSON-LD blocks, if one parses.
    init?(blocks: [[UInt8]]) {
        for block in blocks {
            guard let value = try? JSONSerialization.jsonObject(with: Data(Self.trimmed(block)), options: [.fragmentsAllowed]),
                  let object = Self.findArticle(value, depth: 0)
            else { continue }
            self.init(object)
            return
        }
        return nil
    }

    private init(_ object: [String: Any]) {
        headline = Self.string(object["headline"]) ?? Self.string(object["name"])
        authors = Self.names(object["author"]) + (authorsFromCreator(object))
        datePublished = Self.string(object["datePublished"]) ?? Self.string(object["dateCreated"])
        dateModified = Self.string(object["dateModified"])
        publisher = Self.names(object["publisher"]).first
        description = Self.string(object["description"])
        articleBody = Self.string(object["articleBody"])
        url = Self.string(object["url"]) ?? Self.string(object["mainEntityOfPage"])
    }

    private func authorsFromCreator(_ object: [String: Any]) -> [String] {
        Self.names(object["creator"])
    }

    /// Some sites wrap the JSON in HTML comments or CDATA markers.
    private static func trimmed(_ block: [UInt8]) -> [UInt8] {
        var text = String(decoding: block, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] where text.hasPrefix(open) {
            text.removeFirst(open.count)
            if text.hasSuffix(close) { text.removeLast(close.count) }
        }
        return Array(text.utf8)
    }

    private static func findArticle(_ value: Any, depth: Int) -> [String: Any]? {
        guard depth < 8 else { return nil }
        if let array = value as? [Any] {
            // An article type beats a plain WebPage found earlier.
            let found = array.compactMap { findArticle($0, depth: depth + 1) }
            return found.first(where: { !isGeneric($0) }) ?? found.first
        }
        guard let object = value as? [String: Any] else { return nil }
        if let graph = object["@graph"], let found = findArticle(graph, depth: depth + 1) { return found }
        let types = (object["@type"] as? [Any] ?? [object["@type"] as Any]).compactMap { $0 as? String }
        if types.contains(where: { articleTypes.contains($0.lowercased()) }) {
            // A WebPage whose mainEntity is the article: the article.
            if let main = object["mainEntity"], let inner = findArticle(main, depth: depth + 1), !isGeneric(inner) { return inner }
            return object
        }
        return nil
    }

    private static func isGeneric(_ object: [String: Any]) -> Bool {
        let types = (object["@type"] as? [Any] ?? [object["@type"] as Any]).compactMap { ($0 as? String)?.lowercased() }
        return types.allSatisfy { $0 == "webpage" || $0 == "creativework" }
    }

    private static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
        if let object = value as? [String: Any] { return string(object["@id"]) ?? string(object["url"]) }
        return nil
    }

    /// Names of a person or organisation value: a string, an object with `name`, or a list.
    private static func names(_ value: Any?) -> [String] {
        if let text = value as? String { return text.isEmpty ? [] : [text] }
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        if let object = value as? [String: Any], let name = object["name"] as? String {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? [] : [trimmed]
        }
        return []
    }
}
