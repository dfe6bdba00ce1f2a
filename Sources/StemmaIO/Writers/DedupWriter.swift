public import StemmaCore
import Foundation

/// Writes what `stemma dedup` found: pair and family records (JSONL or CSV), a summary, and a
/// human summary for the terminal.
public struct DedupWriter: Sendable {
    public let result: DedupResult
    public let options: DedupOptions

    public init(result: DedupResult, options: DedupOptions) {
        self.result = result
        self.options = options
    }

    func id(_ document: Int) -> String { result.documents[document].id }

    /// One `{"type": "pair", …}` object per pair.
    var pairValues: [JSONValue] {
        result.pairs.map { pair in
            JSONValue.object([
                ("type", .string("pair")), ("a", .string(id(pair.a))), ("b", .string(id(pair.b))),
                ("jaccard", .double(pair.jaccard)), ("containmentAB", .double(pair.containmentAB)),
                ("containmentBA", .double(pair.containmentBA)), ("exact", .bool(pair.isExact)),
            ])
        }
    }

    /// One `{"type": "family", …}` object per family, largest first.
    var familyValues: [JSONValue] {
        result.families.enumerated().map { number, family in
            JSONValue.object([
                ("type", .string("family")), ("family", .int(number + 1)),
                ("representative", .string(id(family.representative))), ("size", .int(family.members.count)),
                ("members", .array(family.members.map {
                    .object([("id", .string(id($0.document))), ("similarity", .double($0.similarity))])
                })),
            ])
        }
    }

    /// The pair records as JSON Lines.
    public func pairLines() -> [UInt8] { Self.lines(pairValues) }

    /// The family records as JSON Lines.
    public func familyLines() -> [UInt8] { Self.lines(familyValues) }

    /// Everything as one JSON document: `{"families": [...], "pairs": [...], "summary": {...}}`,
    /// the records those of ``pairLines()`` and ``familyLines()``, the summary that of ``summaryJSON()``.
    public func document() -> [UInt8] {
        JSONValue.object([("families", .array(familyValues)), ("pairs", .array(pairValues)), ("summary", summaryValue)])
            .utf8(pretty: true) + [0x0A]
    }

    private static func lines(_ values: [JSONValue]) -> [UInt8] {
        var output: [UInt8] = []
        for value in values {
            output += value.utf8(pretty: false)
            output.append(0x0A)
        }
        return output
    }

    /// Pairs as CSV with a header row.
    public func pairCSV() -> String {
        var lines = ["a,b,jaccard,containmentAB,containmentBA,exact"]
        for pair in result.pairs {
            lines.append([Self.csvField(id(pair.a)), Self.csvField(id(pair.b)), Self.number(pair.jaccard),
                          Self.number(pair.containmentAB), Self.number(pair.containmentBA), String(pair.isExact)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Families as CSV: one row per member.
    public func familyCSV() -> String {
        var lines = ["family,representative,member,similarity"]
        for (number, family) in result.families.enumerated() {
            for member in family.members {
                lines.append(["\(number + 1)", Self.csvField(id(family.representative)), Self.csvField(id(member.document)),
                              Self.number(member.similarity)].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ value: Double) -> String { String((value * 1e6).rounded() / 1e6) }

    public var megabytesPerSecond: Double {
        result.seconds > 0 ? Double(result.bytesRead) / 1e6 / result.seconds : 0
    }

    /// `summary.json`.
    public func summaryJSON() -> [UInt8] { summaryValue.utf8(pretty: true) + [0x0A] }

    var summaryValue: JSONValue {
        let parameters = result.parameters
        return JSONValue.object([
            ("schemaVersion", .int(1)),
            ("documents", .int(result.documents.count)),
            ("setAside", .int(result.setAside)),
            ("skippedRecords", .int(result.skippedRecords)),
            ("warnings", .int(result.warnings)),
            ("bytes", .int(result.bytesRead)),
            ("seconds", .double(result.seconds)),
            ("megabytesPerSecond", .double(megabytesPerSecond)),
            ("candidates", .int(result.candidates)),
            ("exactChecks", .int(result.exactChecks)),
            ("pairs", .int(result.pairs.count)),
            ("families", .int(result.families.count)),
            ("duplicates", .int(result.duplicates)),
            ("largestFamily", .int(result.families.first?.members.count ?? 0)),
            ("parameters", .object([
                ("threshold", .double(parameters.threshold)), ("permutations", .int(parameters.permutations)),
                ("shingle", .int(options.shingleSize)), ("seed", .int(Int(options.seed))),
                ("bands", .int(parameters.bands)), ("rows", .int(parameters.rows)),
                ("verification", .string(result.verification.rawValue)),
                ("containment", options.containment.map(JSONValue.double) ?? .null),
                ("minimumShingles", .int(options.minimumShingles)),
            ])),
        ])
    }

    /// The human summary for a terminal.
    public func terminalSummary(largest: Int = 5) -> String {
        func count(_ value: Int) -> String { ProgressBar.grouped(value) }
        var notes: [String] = []
        if result.setAside > 0 { notes.append("\(count(result.setAside)) set aside (fewer than \(options.minimumShingles) shingles)") }
        if result.skippedRecords > 0 { notes.append("\(count(result.skippedRecords)) bad records skipped") }
        var lines = [
            "\(count(result.documents.count)) documents" + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
                + String(format: " · %.1f MB in %.2f s (%.1f MB/s)", Double(result.bytesRead) / 1e6, result.seconds, megabytesPerSecond),
            "\(count(result.candidates)) candidates → \(count(result.pairs.count)) pairs with Jaccard ≥ \(result.parameters.threshold)"
                + (options.containment.map { " or containment ≥ \($0)" } ?? "")
                + " (LSH \(result.parameters.bands) bands × \(result.parameters.rows) rows; \(verificationNote))",
            "\(count(result.families.count)) families · \(count(result.duplicates)) duplicates",
        ]
        if !result.families.isEmpty {
            lines.append("Largest families:")
            for family in result.families.prefix(largest) {
                lines.append(String(format: "%6d  ", family.members.count) + id(family.representative))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var verificationNote: String {
        switch result.verification {
        case .estimate: return "estimated from signatures"
        case .exact: return "checked exactly"
        case .auto: return "estimated, \(result.exactChecks) near the threshold checked exactly"
        }
    }

    /// The documents to drop when keeping one member of each family by `policy`.
    public func dropped(keeping policy: KeepPolicy) -> Set<Int> {
        let facts = result.documents.map(\.facts)
        var dropped = Set<Int>()
        for family in result.families {
            let documents = family.members.map(\.document)
            let kept = policy.choose(among: documents, facts: facts)
            dropped.formUnion(documents.filter { $0 != kept })
        }
        return dropped
    }
}
