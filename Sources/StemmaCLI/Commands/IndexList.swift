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

        @Option(help: "Only documents dated on or after this ISO date (YYYY, YYYY-MM or YYYY-MM-DD).")
        var since: String?

        @Option(help: "Only documents dated on or before this ISO date.")
        var until: String?

        @Option(help: "Only the documents of this family (its name, as families and index list show it).")
        var family: String?

        @Option(help: "At most this many documents; 0 for all.")
        var limit = 0

        @Option(help: "Skip this many documents first.")
        var offset = 0

        @Option(help: "Output format: text, json (one JSON document) or jsonl (one object per line).")
        var format: Format = .text

        func validate() throws {
            guard limit >= 0 else { throw ValidationError("--limit must not be negative (0 lists all)") }
            guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
            do { _ = try dateRange() } catch let error as DateRange.InvalidDate {
                throw ValidationError("--\(error)")
            }
        }

        private func dateRange() throws -> DateRange? {
            since != nil || until != nil ? try DateRange(since: since, until: until) : nil
        }

        func run() throws {
            let filter = DocumentFilter(source: source, dates: try dateRange(), family: family)
            let page = try store.openExisting().documents(filter, limit: limit == 0 ? nil : limit, offset: offset)
            switch format {
            case .text:
                for document in page.items {
                    let fields = [document.id, String(document.latestVersion), document.date ?? "-", document.source ?? "-", document.family]
                    try Console.write(fields.joined(separator: "\t") + "\n")
                }
                if page.items.count < page.total {
                    let shown = page.items.isEmpty ? "none" : "\(page.offset + 1)–\(page.offset + page.items.count)"
                    Console.warnPlain("stemma index list: documents \(shown) of \(page.total)")
                }
            case .jsonl:
                for document in page.items { try Console.write(bytes: Self.json(document).utf8(pretty: false) + [0x0A]) }
            case .json:
                let value = JSONValue.object([
                    ("documents", .array(page.items.map(Self.json))), ("limit", page.limit.map(JSONValue.int) ?? .null),
                    ("offset", .int(page.offset)), ("total", .int(page.total)),
                ])
                try Console.write(bytes: value.utf8(pretty: false) + [0x0A])
            }
        }

        /// One document, keys sorted; a missing date, source or title is left out.
        static func json(_ document: StoredDocumentSummary) -> JSONValue {
            var members: [(String, JSONValue)] = []
            if let date = document.date { members.append(("date", .string(date))) }
            members += [("family", .string(document.family)), ("id", .string(document.id)), ("latestVersion", .int(document.latestVersion))]
            if let source = document.source { members.append(("source", .string(source))) }
            if let title = document.title { members.append(("title", .string(title))) }
            return .object(members)
        }
    }
}
