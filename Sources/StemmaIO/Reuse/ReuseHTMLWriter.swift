import StemmaCore

/// Renders a reuse report as one self-contained HTML page: the summary, the clusters, and each
/// passage side by side with shared words plain, variant spellings marked and changed words struck
/// out or underlined. Every piece of document text is escaped.
public struct ReuseHTMLWriter: Sendable {
    public var title: String

    public init(title: String = "Stemma reuse") {
        self.title = title
    }

    public func render(_ report: ReuseReport) -> String {
        var html = """
        <h1>\(HTML.escape(title))</h1>
        <p class="summary">\(HTML.escape(ReuseTerminalWriter(useColor: false).summaryLine(report)))</p>
        <ul class="legend"><li><mark>variant spelling</mark></li><li><del>only in the first</del></li><li><ins>only in the second</ins></li></ul>

        """
        if !report.clusters.isEmpty {
            html += "<h2>Clusters</h2>\n<ol class=\"clusters\">\n"
            for cluster in report.clusters { html += clusterItem(cluster, report) }
            html += "</ol>\n"
        }
        html += "<h2>Passages</h2>\n"
        for (index, passage) in report.result.passages.enumerated() { html += section(index, passage, report) }
        return HTML.page(title: title, stylesheet: Self.stylesheet, body: html)
    }

    func clusterItem(_ cluster: ReuseCluster, _ report: ReuseReport) -> String {
        let members = cluster.members.enumerated().map { index, member in
            let document = report.documents[member.document]
            let label = "\(document.id)\(document.date.map { " (\($0))" } ?? "") [\(member.bytes.lowerBound)–\(member.bytes.upperBound)]"
            return index == cluster.source ? "<strong>\(HTML.escape(label)) · source</strong>" : HTML.escape(label)
        }
        let links = cluster.passages.map { "<a href=\"#p\($0 + 1)\">#\($0 + 1)</a>" }.joined(separator: " ")
        return "<li>\(cluster.documentCount) documents: \(members.joined(separator: ", ")) · passages \(links)</li>\n"
    }

    func section(_ index: Int, _ passage: ReusePassage, _ report: ReuseReport) -> String {
        let segments = report.segments(of: passage)
        let counts = passage.alignment.counts
        func heading(_ document: Int, _ bytes: Range<Int>, _ words: Range<Int>) -> String {
            HTML.escape("\(report.documents[document].id) [\(bytes.lowerBound)–\(bytes.upperBound)] · \(words.count) words")
        }
        return """
        <section class="passage" id="p\(index + 1)">
        <h3>#\(index + 1) · score \(passage.score) · \(counts.matches) same, \(counts.variants) variant, \(counts.substitutions) substituted, \(counts.gaps) gap words</h3>
        <table><thead><tr><th>\(heading(passage.a, passage.bytesA, passage.wordsA))</th><th>\(heading(passage.b, passage.bytesB, passage.wordsB))</th></tr></thead>
        <tbody><tr><td>\(cell(segments, side: \.a, changed: "del"))</td><td>\(cell(segments, side: \.b, changed: "ins"))</td></tr></tbody></table>
        </section>

        """
    }

    func cell(_ segments: [AlignedSegment], side: KeyPath<AlignedSegment, String>, changed: String) -> String {
        segments.map { segment in
            let raw = segment[keyPath: side], words = raw.trimmingSpaces
            // The space after the words stays outside the highlight.
            let (text, space) = (HTML.escape(words), HTML.escape(String(raw.dropFirst(words.count))))
            switch segment.kind {
            case .same: return text + space
            case .variant: return "<mark>\(text)</mark>" + space
            case .changed: return (text.isEmpty ? "" : "<\(changed)>\(text)</\(changed)>") + space
            }
        }.joined()
    }

    static let stylesheet = """
    body{font:15px/1.45 Georgia,serif;margin:0 auto;max-width:1400px;padding:1rem;color:#1d1d1f;background:#fff}\
    h1,h2,h3{font-family:system-ui,sans-serif}h1{font-size:1.2rem}h2{font-size:1rem}h3{font-size:.85rem;color:#444}\
    .summary,.clusters{font:.9rem system-ui,sans-serif;color:#444}\
    .legend{list-style:none;padding:0;display:flex;gap:.75rem;font:.8rem system-ui,sans-serif}\
    table{border-collapse:collapse;width:100%;table-layout:fixed}\
    th{font:600 .8rem system-ui,sans-serif;text-align:left;border-bottom:2px solid #ccc;padding:.3rem}\
    td{padding:.4rem .5rem;vertical-align:top;white-space:pre-wrap;overflow-wrap:anywhere;border-bottom:1px solid #eee}\
    mark{background:#fff2b3}del{background:#ffd7d5;color:#82071e}ins{background:#ccf2d4;color:#055d20;text-decoration:none}
    """
}
