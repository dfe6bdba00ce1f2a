public import StemmaCore
@preconcurrency import Rainbow
import Foundation

/// Renders a diff for a person at a terminal: one block per changed group, words highlighted, and a
/// one-line summary.
///
/// Without colour, removed words are shown as `[-words-]` and inserted ones as `{+words+}`, the
/// notation of `git diff --word-diff=plain`, so the output stays readable when piped.
public struct TerminalDiffWriter: Sendable {
    /// Whether to use ANSI colours.
    public var useColor: Bool
    /// Unchanged sentences shown around each change; nil shows every sentence.
    public var context: Int?

    public init(useColor: Bool, context: Int? = nil) {
        self.useColor = useColor
        self.context = context
    }

    /// The whole rendering, ending with the summary line.
    public func render(_ diff: VersionDiff) -> String {
        if useColor {
            Rainbow.outputTarget = .console
            Rainbow.enabled = true
        }
        var output = ""
        let shown = visibleOperations(diff.operations)
        var previous: Int?
        for index in shown {
            if let previous, index > previous + 1 { output += style("  ⋯\n", dim: true) }
            output += block(for: diff.operations[index], in: diff)
            previous = index
        }
        output += summaryLine(diff) + "\n"
        return output
    }

    /// The indices of the operations to show, given the context setting.
    func visibleOperations(_ operations: [DiffOperation]) -> [Int] {
        guard let context else { return Array(operations.indices) }
        var visible = Set<Int>()
        for (index, operation) in operations.enumerated() where operation.kind != .unchanged {
            let low = max(0, index - context), high = min(operations.count - 1, index + context)
            visible.formUnion(low...high)
        }
        return visible.sorted()
    }

    func block(for operation: DiffOperation, in diff: VersionDiff) -> String {
        if operation.kind == .unchanged {
            return "  " + render(MarkedText.segments(of: operation, side: .new, in: diff)) + "\n"
        }
        var lines = [header(for: operation)]
        if !operation.old.isEmpty {
            lines.append(style("- ", color: .red) + render(MarkedText.segments(of: operation, side: .old, in: diff)))
        }
        if !operation.new.isEmpty {
            lines.append(style("+ ", color: .green) + render(MarkedText.segments(of: operation, side: .new, in: diff)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func header(for operation: DiffOperation) -> String {
        var parts = [Self.kindLabel(of: operation)]
        if let first = operation.old.first { parts.append("old \(describe(operation.old, first))") }
        if let first = operation.new.first { parts.append("new \(describe(operation.new, first))") }
        for tag in operation.tags {
            let words = detailWords(for: tag, operation.details)
            parts.append(words.isEmpty ? tag.rawValue : "\(tag.rawValue) (\(words.joined(separator: ", ")))")
        }
        return style("@@ " + parts.joined(separator: " · "), color: .cyan)
    }

    /// The operation's kind, with its place among the pieces of a split or merge whose pieces
    /// are apart (`split, piece 2 of 2`).
    static func kindLabel(of operation: DiffOperation) -> String {
        guard let piece = operation.piece else { return operation.kind.rawValue }
        return "\(operation.kind.rawValue), piece \(piece.index + 1) of \(piece.count)"
    }

    /// Sentence numbers for people count from 1.
    private func describe(_ range: Range<Int>, _ first: Int) -> String {
        range.count == 1 ? "\(first + 1)" : "\(first + 1)–\(range.upperBound)"
    }

    func detailWords(for tag: ChangeTag, _ details: ChangeDetails) -> [String] {
        switch tag {
        case .numberChanged: return details.numbersRemoved.map { "−\($0)" } + details.numbersAdded.map { "+\($0)" }
        case .namesAdded: return details.namesAdded
        case .namesRemoved: return details.namesRemoved
        case .timeWordsAdded: return details.timeWordsAdded
        case .timeWordsRemoved: return details.timeWordsRemoved
        default: return []
        }
    }

    func render(_ segments: [MarkedSegment]) -> String {
        segments.map { segment in
            switch segment.mark {
            case .kept: return segment.text
            case .removed: return useColor ? segment.text.red.strikethrough : "[-\(segment.text)-]"
            case .inserted: return useColor ? segment.text.green.underline : "{+\(segment.text)+}"
            }
        }.joined()
    }

    /// Counts of each kind of operation and the similarity, on one line.
    public func summaryLine(_ diff: VersionDiff) -> String {
        let counts = DiffOperation.Kind.allCases.map { "\(diff.count(of: $0)) \($0.rawValue)" }
        let overlap = diff.overlap
        let similarity = String(
            format: "Jaccard %.2f · containment old→new %.2f, new→old %.2f",
            overlap.jaccard, overlap.containmentOfOldInNew, overlap.containmentOfNewInOld)
        let text = diff.isIdentical ? "identical · " + similarity : counts.joined(separator: ", ") + " · " + similarity
        return style(text, bold: true)
    }

    func style(_ text: String, color: NamedColor? = nil, bold: Bool = false, dim: Bool = false) -> String {
        guard useColor else { return text }
        var styled = text
        if let color { styled = styled.applyingColor(color) }
        if bold { styled = styled.bold }
        if dim { styled = styled.dim }
        return styled
    }
}
