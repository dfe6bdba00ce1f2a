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

    @Option(help: "At most this many families; 0 for all.")
    var limit = 0

    @Option(help: "Skip this many families (the largest) first.")
    var offset = 0

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must not be negative (0 lists all)") }
        guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
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
        let page = try index.families(dates: try dateRange(), source: source, limit: limit == 0 ? nil : limit, offset: offset)
        if page.items.count < page.total, format != .json {
            // On stderr, so that the JSON lines on stdout stay one record each (a JSON document
            // says it in `total`).
            let shown = page.items.isEmpty ? "none" : "\(page.offset + 1)–\(page.offset + page.items.count)"
            Console.warnPlain("stemma families: families \(shown) of \(page.total)")
        }
        switch format {
        case .text:
            for family in page.items {
                let span = [family.earliestDate, family.latestDate].compactMap { $0 }.map { String($0.prefix(10)) }
                try Console.write("\(family.members.count)  " + family.members.joined(separator: ", ")
                    + (span.isEmpty ? "" : "  (\(Set(span).count == 1 ? span[0] : "\(span[0]) – \(span[1])"))") + "\n")
            }
        case .json:
            try Console.write(page.items, as: .json, key: "families",
                              with: [("limit", .int(limit)), ("offset", .int(page.offset)), ("total", .int(page.total))])
        case .jsonl: try Console.write(page.items, as: .jsonl, key: "families")
        }
    }
}
