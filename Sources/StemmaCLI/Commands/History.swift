import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO
import StemmaStore

/// `stemma history ID`: how a story evolved.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the versions of a document's family in order, what changed between them, and which version each derives from.",
        discussion: "--format html writes one self-contained page: a timeline of the versions and the version tree."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    @Argument(help: "The id of any indexed document of the family.")
    var id: String

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let index = try store.openExisting()
        guard let entries = try index.history(of: id) else {
            throw ValidationError("\(id) is not in \(store.db)")
        }
        switch format {
        case .text:
            for (number, entry) in entries.enumerated() {
                var line = "\(number + 1). \(entry.documentID) v\(entry.version)" + (entry.date.map { "  \($0)" } ?? "  (date unknown)")
                if let parent = entry.parent {
                    line += "  ← \(parent + 1)"
                    let counts = DiffOperation.Kind.allCases.compactMap { kind in entry.changes[kind].map { "\($0) \(kind.rawValue)" } }
                    if !counts.isEmpty { line += ": " + counts.joined(separator: ", ") }
                    let tags = ChangeTag.allCases.compactMap { tag in entry.tags[tag].map { "\(tag.rawValue) ×\($0)" } }
                    if !tags.isEmpty { line += " · " + tags.joined(separator: ", ") }
                }
                try Console.write(line + "\n")
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for entry in entries {
                try Console.write(String(decoding: try encoder.encode(HistoryRecord(entry)), as: UTF8.self) + "\n")
            }
        case .html:
            let family = try index.version(of: id)?.family ?? id
            try Console.write(HistoryHTMLWriter().render(entries, family: family))
        }
    }
}
