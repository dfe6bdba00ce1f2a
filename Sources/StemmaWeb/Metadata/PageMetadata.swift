import Foundation

/// A page's metadata, from its JSON-LD, `<meta>` tags, `<title>`, `<link rel=canonical>`,
/// `<html lang>` and URL, in the order of trust the extraction literature uses: structured data,
/// then meta tags, then the markup, then the URL (htmldate, Readability).
struct PageMetadata {
    var title: String?
    var byline: String?
    var published: String?
    var modified: String?
    var canonicalURL: String?
    var siteName: String?
    var language: String?
    var description: String?
    var articleBody: String?

    init(tree: HTMLTree, headElements: [HTMLTree.Index], pageURL: String?) {
        var metas = MetaTags()
        var titleText: String?
        var jsonLD: [[UInt8]] = []
        for index in headElements {
            switch tree[index].tag {
            case .meta: metas.read(tree, index)
            case .title where titleText == nil:
                titleText = Self.collapsed(String(decoding: BlockTextWriter.rawText(of: tree, from: index), as: UTF8.self))
            case .script: jsonLD.append(BlockTextWriter.rawText(of: tree, from: index))
            case .link:
                if canonicalURL == nil, tree.string(.rel, of: index)?.lowercased().split(separator: " ").contains("canonical") == true {
                    canonicalURL = tree.string(.href, of: index).flatMap(Self.nonEmpty)
                }
            case .html: language = tree.string(.lang, of: index).flatMap(Self.nonEmpty)
            case .time:
                if metas.timeDatetime == nil { metas.timeDatetime = tree.string(.datetime, of: index).flatMap(Self.nonEmpty) }
            default: break
            }
        }
        let article = JSONLDArticle(blocks: jsonLD)
        let metaTitle = Self.pick(article?.headline, metas["dc:title"], metas["dcterm:title"], metas["og:title"],
                                  metas["weibo:article:title"], metas["weibo:webpage:title"], metas["title"], metas["twitter:title"],
                                  metas["parsely-title"])
        if let metaTitle {
            title = metaTitle
        } else {
            // The page's `h1`s are looked for only when no structured title is given: a walk of
            // the whole page cost 7% of extraction.
            let headings = Self.headings(tree)
            title = Self.pick(titleText.map { TitleCleaner.articleTitle(from: $0, headings: headings) }, headings.first)
        }
        byline = Self.pick(article?.authors.isEmpty == false ? article?.authors.joined(separator: ", ") : nil, metas["dc:creator"],
                           metas["dcterm:creator"], metas["author"], metas["parsely-author"], metas["article:author"])
        published = Self.pick(article?.datePublished, metas["article:published_time"], metas["parsely-pub-date"],
                              metas["og:published_time"], metas["datepublished"], metas["date"], metas["pubdate"],
                              metas["publishdate"], metas["dc:date"], metas["dcterms:created"], metas["sailthru:date"],
                              metas.timeDatetime, pageURL.flatMap(URLDate.date(in:)))
        modified = Self.pick(article?.dateModified, metas["article:modified_time"], metas["og:updated_time"],
                             metas["datemodified"], metas["dcterms:modified"], metas["last-modified"])
        canonicalURL = Self.pick(canonicalURL, metas["og:url"], article?.url)
        siteName = Self.pick(article?.publisher, metas["og:site_name"], metas["application-name"])
        language = Self.pick(language, metas["content-language"], metas["og:locale"], metas["inlanguage"])
        description = Self.pick(article?.description, metas["dc:description"], metas["dcterm:description"], metas["og:description"],
                                metas["weibo:article:description"], metas["weibo:webpage:description"], metas["description"],
                                metas["twitter:description"])
        articleBody = article?.articleBody
    }

    private static func headings(_ tree: HTMLTree) -> [String] {
        var result: [String] = []
        tree.walk(from: HTMLTree.root) { index in
            let node = tree[index]
            guard !node.isText else { return false }
            if node.tag == .h1 {
                result.append(collapsed(String(decoding: BlockTextWriter.text(of: tree, from: index), as: UTF8.self)))
                return false
            }
            return !node.tag.isInvisible
        }
        return result.filter { !$0.isEmpty }
    }

    private static func pick(_ values: String?...) -> String? {
        for value in values {
            if let value, let cleaned = nonEmpty(HTMLEntities.unescaped(collapsed(value))) { return cleaned }
        }
        return nil
    }

    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
