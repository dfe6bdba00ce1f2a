import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO
import StemmaStore

extension Index {
    /// `stemma index list`: the indexed documents, by id.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the indexed documents by id: latest version, date, source and family.",
            discussion: """
            Text output is one line per document, tab-separated: id, latest version, date, source, \
            family ("-" for a missing date or source). With --limit, a page that leaves documents \
            out says which it shows on standard error.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

        @OptionGroup var store: StoreOptions

        @Option(help: "Only documents from this source.")
        var source: String?

        @OptionGroup var dates: DateFilterOptions

        @Option(help: "Only the documents of this family (its name, as families and index list show it).")
        var family: String?

        @OptionGroup var page: PageOptions

        @Option(name: .shortAndLong, help: "Output format: text, json (one document: documents, limit, offset, total) or jsonl (one document per line).")
        var format: Format = .text

        @OptionGroup var output: OutputOptions

        func run() throws {
            let filter = DocumentFilter(source: source, dates: try dates.range(), family: family)
            let listed = try store.openExisting().documents(filter, limit: page.maximum, offset: page.offset)
            let out = try output.open()
            switch format {
            case .text:
                for document in listed.items {
                    let fields = [document.id, String(document.latestVersion), document.date ?? "-", document.source ?? "-", document.family]
                    try out.write(fields.joined(separator: "\t") + "\n")
                }
                page.notePartial(shown: listed.items.count, offset: listed.offset, total: listed.total, of: "documents", command: "index list")
            case .jsonl:
                try out.write(listed.items, as: .jsonl, key: "documents")
            case .json:
                try out.write(listed.items, as: .json, key: "documents",
                                  with: [("limit", .int(page.limit)), ("offset", .int(listed.offset)), ("total", .int(listed.total))])
            }
            try out.finish()
        }
    }
}
