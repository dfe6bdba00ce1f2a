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

    @OptionGroup var dates: DateFilterOptions

    @Option(help: "Only families with a member from this source.")
    var source: String?

    @OptionGroup var page: PageOptions

    @Option(name: .shortAndLong, help: "Output format: text, json (one document, as GET /api/families answers) or jsonl (one family per line).")
    var format: Format = .text

    @OptionGroup var output: OutputOptions

    func run() throws {
        let index = try store.openExisting()
        let out = try output.open()
        let listed = try index.families(dates: try dates.range(), source: source, limit: self.page.maximum, offset: self.page.offset)
        if format != .json {
            self.page.notePartial(shown: listed.items.count, offset: listed.offset, total: listed.total, of: "families", command: "families")
        }
        switch format {
        case .text:
            for family in listed.items {
                let span = [family.earliestDate, family.latestDate].compactMap { $0 }.map { String($0.prefix(10)) }
                try out.write("\(family.members.count)  " + family.members.joined(separator: ", ")
                    + (span.isEmpty ? "" : "  (\(Set(span).count == 1 ? span[0] : "\(span[0]) – \(span[1])"))") + "\n")
            }
        case .json:
            try out.write(listed.items, as: .json, key: "families",
                              with: [("limit", .int(self.page.limit)), ("offset", .int(listed.offset)), ("total", .int(listed.total))])
        case .jsonl: try out.write(listed.items, as: .jsonl, key: "families")
        }
        try out.finish()
    }
}
