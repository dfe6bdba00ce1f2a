import StemmaCore
@preconcurrency import Rainbow

/// Renders a reuse report for a person at a terminal: each passage with its place in both
/// documents and its text, edits marked, then the clusters and a summary line.
///
/// The text is the first document's, with the second's differences marked as `git diff
/// --word-diff=plain` does: `[-only in a-]{+only in b+}`; with colour, removed words are red,
/// inserted ones green and variant spellings yellow. Passages longer than `maximumShownWords`
/// show their beginning and end around `⋯`.
public struct ReuseTerminalWriter: Sendable {
    public var useColor: Bool
    public var maximumShownWords: Int

    public init(useColor: Bool, maximumShownWords: Int = 80) {
        self.useColor = useColor
        self.maximumShownWords = maximumShownWords
    }

    public func render(_ report: ReuseReport) -> String {
        if useColor {
            Rainbow.outputTarget = .console
            Rainbow.enabled = true
        }
        var output = ""
        for passage in report.result.passages + (report.showsFormulas ? report.result.formulas : []) {
            output += header(passage, report) + "\n" + body(report.segments(of: passage)) + "\n\n"
        }
        for (index, cluster) in report.clusters.enumerated() {
            output += clusterLine(index, cluster, report) + "\n"
        }
        return output + summaryLine(report) + "\n"
    }

    func header(_ passage: ReusePassage, _ report: ReuseReport) -> String {
        let counts = passage.alignment.counts
        let a = report.documents[passage.a].id, b = report.documents[passage.b].id
        let text = "@@ \(a) [\(passage.bytesA.lowerBound)–\(passage.bytesA.upperBound)] \(passage.wordsA.count) words"
            + " ↔ \(b) [\(passage.bytesB.lowerBound)–\(passage.bytesB.upperBound)] \(passage.wordsB.count) words"
            + " · score \(passage.score) · \(counts.matches) same, \(counts.variants) variant, \(counts.substitutions) substituted, \(counts.gaps) gap words"
            + (passage.isFormula ? " · formula" : "")
        return useColor ? text.cyan : text
    }

    /// The marked text, cut to its first and last words when long.
    func body(_ segments: [AlignedSegment]) -> String {
        let marked = segments.map(mark)
        let words = segments.map { $0.a.split(whereSeparator: \.isWhitespace).count }
        guard words.reduce(0, +) > maximumShownWords else { return marked.joined() }
        var head = "", tail = "", headWords = 0, tailWords = 0
        var index = 0
        while index < marked.count && headWords < maximumShownWords / 2 {
            head += marked[index]
            headWords += words[index]
            index += 1
        }
        var last = marked.count - 1
        while last >= index && tailWords < maximumShownWords / 2 {
            tail = marked[last] + tail
            tailWords += words[last]
            last -= 1
        }
        return head + (useColor ? " ⋯ ".dim : " ⋯ ") + tail
    }

    func mark(_ segment: AlignedSegment) -> String {
        switch segment.kind {
        case .same: return segment.a
        case .variant, .changed:
            let (removed, inserted) = (segment.a.trimmingSpaces, segment.b.trimmingSpaces)
            let trailing = String(segment.a.dropFirst(removed.count))
            let color: NamedColor = segment.kind == .variant ? .yellow : .red
            let minus = removed.isEmpty ? "" : (useColor ? removed.applyingColor(color).strikethrough : "[-\(removed)-]")
            let plus = inserted.isEmpty ? "" : (useColor ? inserted.applyingColor(segment.kind == .variant ? .yellow : .green).underline : "{+\(inserted)+}")
            return minus + plus + (removed.isEmpty && !inserted.isEmpty ? " " : trailing)
        }
    }

    func clusterLine(_ index: Int, _ cluster: ReuseCluster, _ report: ReuseReport) -> String {
        func describe(_ member: ReuseCluster.Member) -> String {
            let document = report.documents[member.document]
            return "\(document.id)\(document.date.map { " (\($0))" } ?? "") [\(member.bytes.lowerBound)–\(member.bytes.upperBound)]"
        }
        let others = cluster.members.indices.filter { $0 != cluster.source }.map { describe(cluster.members[$0]) }
        return "cluster \(index + 1) · \(cluster.documentCount) documents · source \(describe(cluster.members[cluster.source])) · copies: \(others.joined(separator: ", "))"
    }

    public func summaryLine(_ report: ReuseReport) -> String {
        let text = "\(report.result.passages.count) passages between \(report.pairCount) pairs of \(report.documents.count) documents"
            + " · \(report.clusters.count) clusters · \(report.result.candidatePairs) candidate pairs"
            + (report.result.formulas.isEmpty ? "" : " · \(report.result.formulas.count) formula passages"
                + (report.showsFormulas ? "" : " set apart (--formulas shows them)"))
        return useColor ? text.bold : text
    }
}

extension String {
    /// The string without trailing spaces and newlines.
    var trimmingSpaces: String {
        var copy = self
        while let last = copy.last, last.isWhitespace { copy.removeLast() }
        return copy
    }
}
