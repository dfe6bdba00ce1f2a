import ArgumentParser
import Foundation
import StemmaStore
import StemmaCore
import StemmaIO

/// `stemma families`: the families of an index, largest first.
struct Families: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the families of indexed documents (versions and copies of one text), largest first."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

    @OptionGroup var store: StoreOptions

    @Option(help: "Only families with a member dated on or after this ISO date.")
    var since: String?

    @Option(help: "Only families with a member dated on or before this ISO date.")
    var until: String?

    @Option(help: "Only families with a member from this source.")
    var source: String?

    @Option(name: .shortAndLong, help: "Output format: text, json (one document, as GET /api/families answers) or jsonl (one family per line).")
    var format: Format = .text

    func validate() throws {
        do { _ = try dateRange() } catch let error as DateRange.InvalidDate {
            throw ValidationError("--\(error)")
        }
    }

    /// The `--since`/`--until` range; a start after the end lists nothing.
    private func dateRange() throws -> DateRange? {
        since != nil || until != nil ? try DateRange(since: since, until: until) : nil
    }

    func run() throws {
        let index = try store.openExisting()
        let families = try index.families(dates: try dateRange(), source: source)
        switch format {
        case .text:
            for family in families {
                let span = [family.earliestDate, family.latestDate].compactMap { $0 }.map { String($0.prefix(10)) }
                try Console.write("\(family.members.count)  " + family.members.joined(separator: ", ")
                    + (span.isEmpty ? "" : "  (\(Set(span).count == 1 ? span[0] : "\(span[0]) – \(span[1])"))") + "\n")
            }
        case .json: try Console.write(families, as: .json, key: "families")
        case .jsonl: try Console.write(families, as: .jsonl, key: "families")
        }
    }
}
