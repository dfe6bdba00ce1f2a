public import StemmaCore

/// Renders a diff as one self-contained HTML page: side by side, one aligned row per operation,
/// removed and inserted words highlighted, a legend and the summary. No external assets; every piece
/// of document text is escaped.
public struct HTMLDiffWriter: Sendable {
    public var title: String

    public init(title: String = "Stemma diff") {
        self.title = title
    }

    /// The whole page: head with the stylesheet, then ``fragment(_:oldName:newName:)``.
    public func render(_ diff: VersionDiff, oldName: String, newName: String) -> String {
        HTML.page(title: "\(title): \(oldName) → \(newName)", stylesheet: Self.stylesheet,
                  body: fragment(diff, oldName: oldName, newName: newName))
    }

    /// The header (names, summary, legend) and the side-by-side table, for a page that brings its
    /// own head and ``stylesheet`` (`stemma serve`).
    public func fragment(_ diff: VersionDiff, oldName: String, newName: String) -> String {
        let html = """
        <header>
        <h1>\(HTML.escape(oldName)) → \(HTML.escape(newName))</h1>
        <p class="summary">\(HTML.escape(TerminalDiffWriter(useColor: false).summaryLine(diff)))</p>
        \(Self.legend)
        </header>

        """
        return html + table(diff)
    }

    /// The side-by-side table alone, for a page that shows many diffs under headings of its own
    /// (the recent changes of `stemma serve`).
    public func table(_ diff: VersionDiff) -> String {
        var html = """
        <table class="diff">
        <thead><tr><th class="n">#</th><th>Old</th><th class="n">#</th><th>New</th><th>Change</th></tr></thead>
        <tbody>

        """
        for operation in diff.operations {
            html += row(for: operation, in: diff)
        }
        html += "</tbody>\n</table>\n"
        return html
    }

    func row(for operation: DiffOperation, in diff: VersionDiff) -> String {
        let old = cell(MarkedText.segments(of: operation, side: .old, in: diff))
        let new = cell(MarkedText.segments(of: operation, side: .new, in: diff))
        let tags = operation.tags.map { tag in
            let words = TerminalDiffWriter(useColor: false).detailWords(for: tag, operation.details)
            let label = words.isEmpty ? tag.rawValue : "\(tag.rawValue): \(words.joined(separator: ", "))"
            return "<span class=\"tag\">\(HTML.escape(label))</span>"
        }.joined(separator: " ")
        return """
        <tr class="op \(operation.kind.rawValue)"><td class="n">\(numbers(operation.old))</td><td class="old">\(old)</td>\
        <td class="n">\(numbers(operation.new))</td><td class="new">\(new)</td>\
        <td class="change"><span class="kind">\(TerminalDiffWriter.kindLabel(of: operation))</span> \(tags)</td></tr>

        """
    }

    func numbers(_ range: Range<Int>) -> String {
        guard let first = range.first else { return "" }
        return range.count == 1 ? "\(first + 1)" : "\(first + 1)–\(range.upperBound)"
    }

    func cell(_ segments: [MarkedSegment]) -> String {
        segments.map { segment in
            let text = HTML.escape(segment.text)
            switch segment.mark {
            case .kept: return text
            case .removed: return "<del>\(text)</del>"
            case .inserted: return "<ins>\(text)</ins>"
            }
        }.joined()
    }

    static let legend = """
    <ul class="legend">
    <li><del>removed words</del></li><li><ins>inserted words</ins></li>
    <li class="op edited">edited</li><li class="op split">split</li><li class="op merged">merged</li>
    <li class="op moved">moved</li><li class="op added">added</li><li class="op deleted">deleted</li>
    <li class="op unchanged">unchanged</li>
    </ul>
    """

    /// The page's CSS, no external resources.
    public static let stylesheet = """
    body{font:15px/1.45 Georgia,serif;margin:0 auto;max-width:1400px;padding:1rem;color:#1d1d1f;background:#fff}\
    h1{font:600 1.2rem system-ui,sans-serif}.summary{font:0.9rem system-ui,sans-serif;color:#444}\
    .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem;font:0.8rem system-ui,sans-serif}\
    .legend li{padding:.1rem .5rem;border-radius:3px}\
    table.diff{border-collapse:collapse;width:100%;table-layout:fixed}\
    th{font:600 .8rem system-ui,sans-serif;text-align:left;border-bottom:2px solid #ccc;padding:.3rem}\
    th.n,td.n{width:3.2rem;color:#888;font:.75rem system-ui,sans-serif;text-align:right;vertical-align:top}\
    th:last-child,td.change{width:13rem}\
    td{padding:.35rem .5rem;vertical-align:top;border-bottom:1px solid #eee;white-space:pre-wrap;overflow-wrap:anywhere}\
    td.change{font:.75rem system-ui,sans-serif;white-space:normal}\
    .kind{font-weight:600;text-transform:uppercase;letter-spacing:.03em}\
    .tag{display:inline-block;background:#f1f1f4;border-radius:3px;padding:0 .3rem;margin:.1rem 0}\
    del{background:#ffd7d5;color:#82071e;text-decoration:line-through}\
    ins{background:#ccf2d4;color:#055d20;text-decoration:none}\
    .op.unchanged{color:#666}.op.edited{background:#fffdf3}.op.split,.op.merged{background:#f5f8ff}\
    .op.moved{background:#f8f2ff}.op.added{background:#f1fbf3}.op.deleted{background:#fff4f3}
    """
}

/// HTML escaping of text for element content and attribute values, and the page every
/// self-contained report shares.
public enum HTML {
    /// A complete page: the head (character set, viewport, escaped `title`, the inline
    /// `stylesheet`), then `body`, which must be HTML already.
    public static func page(title: String, stylesheet: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(stylesheet)</style>
        </head>
        <body>

        """ + body + "</body>\n</html>\n"
    }

    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
