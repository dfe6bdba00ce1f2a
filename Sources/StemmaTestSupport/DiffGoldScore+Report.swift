import Foundation

extension DiffGoldScore {
    /// One row per pair and a total row: operations, exact ones and their share, tag precision and
    /// recall with the pairs they are over.
    ///
    /// ```text
    /// pair                               ops exact share  tag P        tag R
    /// 01-ap-credit-line                   10     8  0.80  1.00 (3/3)   0.75 (3/4)
    /// ```
    public static func table(_ scores: [DiffGoldScore]) -> String {
        let total = DiffGoldScore.total(of: scores)
        let width = max(30, (scores + [total]).map(\.name.count).max() ?? 0)
        func padded(_ text: String, _ count: Int, right: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, count - text.count))
            return right ? padding + text : text + padding
        }
        func ratio(_ value: Double, _ numerator: Int, _ denominator: Int) -> String {
            padded(String(format: "%.2f", value) + " (\(numerator)/\(denominator))", 14)
        }
        func row(_ score: DiffGoldScore) -> String {
            padded(score.name, width) + padded("\(score.operations)", 5, right: true) + padded("\(score.exact)", 6, right: true)
                + "  " + String(format: "%.2f", score.exactShare) + "  "
                + ratio(score.tagPrecision, score.correctTags, score.predictedTags)
                + ratio(score.tagRecall, score.recalledTags, score.goldTags)
        }
        let header = padded("pair", width) + "  ops exact share  " + padded("tag P", 14) + "tag R"
        return ([header] + scores.map(row) + [row(total)])
            .map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }

    /// The misses of this score, for a developer: each gold operation not given exactly with what
    /// the diff gave instead, then each tag difference. Empty when there is none.
    public var missReport: String {
        var lines: [String] = []
        for miss in misses {
            lines.append("  gold \(Self.describe(miss.gold))")
            if miss.predicted.isEmpty { lines.append("   got nothing sharing a sentence") }
            for predicted in miss.predicted { lines.append("   got \(Self.describe(predicted))") }
        }
        for miss in tagMisses {
            var parts: [String] = []
            if !miss.missing.isEmpty { parts.append("missing " + miss.missing.joined(separator: ", ")) }
            if !miss.extra.isEmpty { parts.append("extra " + miss.extra.joined(separator: ", ")) }
            lines.append("  tags \(parts.joined(separator: "; ")) · gold \(Self.describe(miss.gold, tags: false))"
                + (miss.predicted.map { " · got \($0.kind)" } ?? " · got nothing"))
        }
        return lines.isEmpty ? "" : ([name] + lines).joined(separator: "\n")
    }

    /// `edited old «…» new «…» [tags]`, long sentences shortened in the middle.
    static func describe(_ operation: DiffGold.LocatedOperation, tags: Bool = true) -> String {
        var text = operation.kind
        if !operation.old.isEmpty { text += " old " + operation.old.map { "«\(shortened($0.text))»" }.joined(separator: " + ") }
        if !operation.new.isEmpty { text += " new " + operation.new.map { "«\(shortened($0.text))»" }.joined(separator: " + ") }
        if tags, !operation.tags.isEmpty { text += " [" + operation.tags.sorted().joined(separator: ", ") + "]" }
        return text
    }

    /// Start and end of a long sentence, on one line: the ends are where splitters and credit lines
    /// go wrong, and a line break inside a sentence (`⏎`) is often why.
    static func shortened(_ text: String, limit: Int = 72) -> String {
        let line = text.replacingOccurrences(of: "\n", with: "⏎")
        guard line.count > limit else { return line }
        return String(line.prefix(limit / 2 - 1)) + " … " + String(line.suffix(limit / 2 - 2))
    }
}
