import ArgumentParser
import Foundation
import StemmaIO
import StemmaStore

extension Index {
    /// `stemma index stats`: what an index holds and what it costs.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what the index holds: documents, versions, families, bytes per table and its parameters."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var store: StoreOptions

        @Option(name: .shortAndLong, help: "Output format: text, or json (one JSON object).")
        var format: Format = .text

        func run() throws {
            let stats = try store.openExisting().stats()
            switch format {
            case .text: try Console.write(Self.text(stats))
            case .json: try Console.write(bytes: Self.json(stats).utf8(pretty: true) + [0x0A])
            }
        }

        static func text(_ stats: StoreStats) -> String {
            let parameters = stats.parameters
            var lines = [
                "documents       \(stats.documents)",
                "versions        \(stats.versions) (\(stats.versionsWithText) with their text kept, \(stats.textBytes) bytes of text; \(stats.textBlocks) text blocks)",
                "families        \(stats.families) (\(stats.familiesWithMembers) of more than one document; the largest has \(stats.largestFamily))",
                "pairs           \(stats.pairs)",
                "bucket entries  \(stats.bucketEntries) in \(stats.bucketRuns) runs",
                "parameters      \(parameters.description) (\(stats.bands) bands of \(stats.rows) rows; content hash \(stats.contentHash))",
                "file            \(stats.fileBytes) bytes",
            ]
            if let tables = stats.tableBytes {
                let width = tables.keys.map(\.count).max() ?? 0
                for (name, bytes) in tables.sorted(by: { $0.key < $1.key }) {
                    lines.append("  " + name + String(repeating: " ", count: width - name.count) + "  \(bytes) bytes")
                }
            } else {
                lines.append("  (bytes per table need SQLite's dbstat table, which this SQLite lacks)")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        /// Keys sorted, as the other JSON records'.
        static func json(_ stats: StoreStats) -> JSONValue {
            let parameters = stats.parameters
            var members: [(String, JSONValue)] = [
                ("bucketEntries", .int(stats.bucketEntries)), ("bucketRuns", .int(stats.bucketRuns)),
                ("documents", .int(stats.documents)), ("families", .int(stats.families)),
                ("familiesWithMembers", .int(stats.familiesWithMembers)), ("fileBytes", .int(stats.fileBytes)),
                ("largestFamily", .int(stats.largestFamily)), ("pairs", .int(stats.pairs)),
                ("parameters", .object([
                    ("bands", .int(stats.bands)), ("contentHash", .string(stats.contentHash)),
                    ("permutations", .int(parameters.permutations)), ("rows", .int(stats.rows)),
                    // A string: a UInt64 seed may not fit JSON's integers.
                    ("seed", .string(String(parameters.seed))), ("shingle", .int(parameters.shingleSize)),
                    ("threshold", .double(parameters.threshold)),
                ])),
            ]
            let tables = stats.tableBytes.map { tables -> JSONValue in
                JSONValue.object(tables.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.int($0.value)) })
            }
            members.append(("tableBytes", tables ?? .null))
            members += [("textBlocks", .int(stats.textBlocks)), ("textBytes", .int(stats.textBytes)),
                        ("versions", .int(stats.versions)), ("versionsWithText", .int(stats.versionsWithText))]
            return .object(members)
        }
    }
}
