import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO
import StemmaStore

/// `stemma history ID`: how a story evolved.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the versions of a document's family in order, what changed between them, and which version each derives from.",
        discussion: """
        Shows the newest --limit versions, after skipping the --offset newest, oldest \
        first; each is numbered by its place in the whole history, and so is the version it derives \
        from. A family of thousands of copies costs a signature scan and a few diffs per version \
        shown, hence the window. --format html writes one self-contained page: a timeline of the \
        versions and the version tree.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, html }

    @Argument(help: "The id of any indexed document of the family.")
    var id: String

    @OptionGroup var store: StoreOptions

    @Option(name: .shortAndLong, help: "Output format: text, json (one document, as GET /api/families/{id}/history answers), jsonl (one version per line) or html.")
    var format: Format = .text

    @OptionGroup var output: OutputOptions

    @Option(name: [.customShort("n"), .long], help: "The most versions to show, the newest.")
    var limit = 50

    @Option(help: "How many of the newest versions to skip (--offset 50 shows the 50 before the newest 50).")
    var offset = 0

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
    }

    func run() throws {
        let index = try store.openExisting()
        let out = try output.open()
        guard let page = try index.history(of: id, limit: limit, offset: offset) else {
            throw ValidationError("\(id) is not in \(store.db)")
        }
        let entries = page.entries
        if page.start > 0 || offset > 0 {
            // On stderr, so that the JSON lines on stdout stay one record each (a JSON document says it in `start` and `total`).
            Console.warnPlain("stemma history: versions \(page.start + 1)–\(page.start + entries.count) of \(page.total)")
        }
        switch format {
        case .text:
            for (number, entry) in zip(page.start..., entries) {
                var line = "\(number + 1). \(entry.documentID) v\(entry.version)" + (entry.date.map { "  \($0)" } ?? "  (date unknown)")
                if let parent = entry.parent {
                    line += "  ← \(parent + 1)"
                    let counts = DiffOperation.Kind.allCases.compactMap { kind in entry.changes[kind].map { "\($0) \(kind.rawValue)" } }
                    if !counts.isEmpty { line += ": " + counts.joined(separator: ", ") }
                    let tags = ChangeTag.allCases.compactMap { tag in entry.tags[tag].map { "\(tag.rawValue) ×\($0)" } }
                    if !tags.isEmpty { line += " · " + tags.joined(separator: ", ") }
                }
                try out.write(line + "\n")
            }
        case .json:
            let family = try index.version(of: id)?.family ?? id
            try out.write(HistoryPageRecord(id: id, family: family, total: page.total, start: page.start, limit: limit, offset: offset,
                                                       versions: entries).jsonValue.utf8(pretty: true) + [0x0A])
        case .jsonl:
            try out.write(HistoryVersionRecord.records(entries, start: page.start), as: .jsonl, key: "versions")
        case .html:
            let family = try index.version(of: id)?.family ?? id
            // The writer counts parents within the entries it gets; one on an older page is left out.
            let local = entries.map { entry in
                var entry = entry
                entry.parent = entry.parent.flatMap { $0 >= page.start ? $0 - page.start : nil }
                return entry
            }
            try out.write(HistoryHTMLWriter().render(local, family: family))
        }
        try out.finish()
    }
}
