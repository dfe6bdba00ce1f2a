/// The HTML elements extraction tells apart; every other name is ``other``.
///
/// libxml2 hands element names lower-cased; ``init(name:)`` reads them from bytes without making a
/// `String`, since a page has thousands of elements.
enum HTMLTag: UInt8, Sendable {
    case other
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, iframe, object, embed, svg, math, canvas, video, audio, source, picture
    case form, input, textarea, select, option, button, label, fieldset
    case div, p, span, section, article, main, header, footer, nav, aside, address, center, details, summary, dialog
    case h1, h2, h3, h4, h5, h6, hgroup
    case ul, ol, li, dl, dt, dd, menu
    case table, thead, tbody, tfoot, tr, td, th, caption, colgroup, col
    case blockquote, pre, code, hr, br, wbr, img, figure, figcaption
    case a, b, i, em, strong, small, u, s, sup, sub, mark, abbr, cite, q, time, font, tt, kbd, samp, `var`, del, ins

    /// The tag for a lower-case element name.
    init(name: UnsafePointer<UInt8>) {
        var key: UInt64 = 0
        var length = 0
        while name[length] != 0 {
            if length < 8 { key |= UInt64(name[length]) << (8 * UInt64(length)) }
            length += 1
            if length > 12 { self = .other; return }
        }
        // Only two known names are longer than 8 bytes; their 8-byte prefixes are unique.
        if length > 8 { key ^= UInt64(length) << 60 }
        self = HTMLTag.byKey[key] ?? .other
    }

    static func key(_ name: String) -> UInt64 {
        var key: UInt64 = 0
        for (index, byte) in name.utf8.prefix(8).enumerated() { key |= UInt64(byte) << (8 * UInt64(index)) }
        if name.utf8.count > 8 { key ^= UInt64(name.utf8.count) << 60 }
        return key
    }

    private static let names: [(String, HTMLTag)] = [
        ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("link", .link), ("base", .base),
        ("script", .script), ("style", .style), ("noscript", .noscript), ("template", .template), ("iframe", .iframe),
        ("object", .object), ("embed", .embed), ("svg", .svg), ("math", .math), ("canvas", .canvas), ("video", .video),
        ("audio", .audio), ("source", .source), ("picture", .picture),
        ("form", .form), ("input", .input), ("textarea", .textarea), ("select", .select), ("option", .option),
        ("button", .button), ("label", .label), ("fieldset", .fieldset),
        ("div", .div), ("p", .p), ("span", .span), ("section", .section), ("article", .article), ("main", .main),
        ("header", .header), ("footer", .footer), ("nav", .nav), ("aside", .aside), ("address", .address),
        ("center", .center), ("details", .details), ("summary", .summary), ("dialog", .dialog),
        ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6), ("hgroup", .hgroup),
        ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt), ("dd", .dd), ("menu", .menu),
        ("table", .table), ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot), ("tr", .tr), ("td", .td), ("th", .th),
        ("caption", .caption), ("colgroup", .colgroup), ("col", .col),
        ("blockquote", .blockquote), ("pre", .pre), ("code", .code), ("hr", .hr), ("br", .br), ("wbr", .wbr),
        ("img", .img), ("figure", .figure), ("figcaption", .figcaption),
        ("a", .a), ("b", .b), ("i", .i), ("em", .em), ("strong", .strong), ("small", .small), ("u", .u), ("s", .s),
        ("sup", .sup), ("sub", .sub), ("mark", .mark), ("abbr", .abbr), ("cite", .cite), ("q", .q), ("time", .time),
        ("font", .font), ("tt", .tt), ("kbd", .kbd), ("samp", .samp), ("var", .var), ("del", .del), ("ins", .ins),
    ]

    private static let byKey: [UInt64: HTMLTag] = Dictionary(uniqueKeysWithValues: names.map { (key($0.0), $0.1) })
}

extension HTMLTag {
    /// Elements whose content is never text a reader sees.
    var isInvisible: Bool {
        switch self {
        case .head, .script, .style, .noscript, .template, .iframe, .object, .embed, .svg, .math, .canvas, .video, .audio,
             .source, .picture, .select, .option, .textarea, .input, .button, .title, .meta, .link, .base, .dialog:
            return true
        default: return false
        }
    }

    /// Elements that start a paragraph of their own: a blank line before and after.
    var isParagraph: Bool {
        switch self {
        case .p, .h1, .h2, .h3, .h4, .h5, .h6, .pre, .blockquote, .ul, .ol, .dl, .menu, .table, .figure, .hr, .address,
             .div, .section, .article, .main, .header, .footer, .nav, .aside, .center, .details, .form, .fieldset, .hgroup,
             .body, .html:
            return true
        default: return false
        }
    }

    /// Elements that start a line of their own, without a blank line.
    var isLine: Bool {
        switch self {
        case .li, .dt, .dd, .tr, .caption, .summary, .figcaption, .br, .thead, .tbody, .tfoot: return true
        default: return false
        }
    }

    /// Table cells, separated within their row.
    var isCell: Bool { self == .td || self == .th }

    var isBlock: Bool { isParagraph || isLine || isCell }

    /// Inline elements, which a paragraph is made of.
    var isPhrasing: Bool {
        switch self {
        case .abbr, .audio, .b, .br, .button, .cite, .code, .em, .embed, .i, .img, .input, .kbd, .label, .mark, .math, .noscript,
             .object, .q, .samp, .script, .select, .small, .span, .strong, .sub, .sup, .textarea, .time, .var, .wbr, .font,
             .tt, .u, .s:
            return true
        default: return false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }
}
