import ArgumentParser
import Foundation
import StemmaStore
import StemmaCore

/// `stemma families`: the families of an index, largest first.
struct Families: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the families of indexed documents (versions and copies of one text), largest first."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var store: StoreOptions

    @Option(help: "Only families with a member dated on or after this ISO date.")
    var since: String?

    @Option(help: "Only families with a member dated on or before this ISO date.")
    var until: String?

    @Option(help: "Only families with a member from this source.")
    var source: String?

    @Option(help: "Output format: text, or json (one object per line).")
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
        let dates = try dateRange()
        let page = try index.families(dates: dates, source: source, limit: limit == 0 ? nil : limit, offset: offset)
        if page.items.count < page.total {
            // On stderr, so that the JSON lines on stdout stay one record each.
            let shown = page.items.isEmpty ? "none" : "\(page.offset + 1)–\(page.offset + page.items.count)"
            Console.warnPlain("stemma families: families \(shown) of \(page.total)")
        }
        for family in page.items {
            switch format {
            case .text:
                let span = [family.earliestDate, family.latestDate].compactMap { $0 }.map { String($0.prefix(10)) }
                try Console.write("\(family.members.count)  " + family.members.joined(separator: ", ")
                    + (span.isEmpty ? "" : "  (\(Set(span).count == 1 ? span[0] : "\(span[0]) – \(span[1])"))") + "\n")
            case .json:
                var record: [String: Any] = ["family": family.name, "size": family.members.count, "members": family.members]
                if let earliest = family.earliestDate { record["earliest"] = earliest }
                if let latest = family.latestDate { record["latest"] = latest }
                let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])
                try Console.write(String(decoding: data, as: UTF8.self) + "\n")
            }
        }
    }
}
