import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO
import StemmaWeb
import StemmaStore

/// `stemma match FILE`: what an indexed collection holds of a text.
struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the indexed documents that are versions or copies of a text, best first.",
        discussion: """
        Each match shows its estimated Jaccard similarity, how much of each text the other holds, \
        and (when the index keeps texts) a one-line summary of what changed from it to the text. \
        Exit status as grep(1): 0 when something matched, 1 when nothing did, 2 on error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

    @Argument(help: "The text: a file, a web page (.html, whose article is matched), or - for standard input.", completion: .file())
    var file: String

    @OptionGroup var store: StoreOptions

    @Option(name: [.customShort("n"), .long], help: "At most this many matches.")
    var limit = 20

    @Option(name: .shortAndLong, help: "Output format: text, json (one document, as POST /api/match answers) or jsonl (one match per line).")
    var format: Format = .text

    @OptionGroup var output: OutputOptions

    @OptionGroup var color: ColorOptions

    @Flag(help: "Also print the full diff from the best match to the text (as stemma diff does).")
    var diff = false

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.")
    var lossy = false

    @Option(help: ArgumentHelp("What a web page is matched as: article (its main text), text (all visible text) or none (the page as it is).",
                               valueName: "mode"))
    var extract: ExtractionMode = .article

    @Flag(help: "Also list the text's own stored copy (the document whose id index add gives the file).")
    var includeSelf = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let index = try store.openExisting()
        let out = try output.open()
        let (text, _) = try TextOrPage.read(file, lossy: lossy, extract: extract)
        // A file's own copy would be the first match, and --diff would diff it with itself.
        let matches = try index.matches(for: text.bytes, limit: limit, excluding: includeSelf || file == "-" ? nil : TextFileID.of(file))
        // Diffs need the indexed texts; an index made with --no-text has none.
        let diffs = try index.diffs(from: matches, to: text.bytes)
        var best: (IndexMatch, VersionDiff)?
        if diff, let match = matches.first {
            guard let bestDiff = diffs[0] else {
                throw ValidationError("\(store.db) keeps no texts (indexed with --no-text): no diff to show")
            }
            best = (match, bestDiff)
        }
        let records = zip(matches, diffs).map { MatchRecord($0, summary: $1.map(DiffSummary.init)) }
        switch format {
        case .text:
            try writeText(matches, diffs, to: out)
            if let (match, diff) = best { try writeTerminalDiff(diff, from: match, to: out) }
        case .json:
            let report = best.map { match, diff in ("diff", diffReport(diff, from: match).jsonValue) }
            try out.write(records, as: .json, key: "matches", with: report.map { [$0] } ?? [])
        case .jsonl:
            try out.write(records, as: .jsonl, key: "matches")
            if let (match, diff) = best {
                // The report `stemma diff --format json` writes, on a line of its own after the matches.
                try out.write(JSONValue.object([("diff", diffReport(diff, from: match).jsonValue)]).utf8(pretty: false) + [0x0A])
            }
        }
        try out.finish()
        if matches.isEmpty { throw ExitCode(1) }
    }

    func writeText(_ matches: [IndexMatch], _ diffs: [VersionDiff?], to out: OutputDestination) throws {
        for (match, diff) in zip(matches, diffs) {
            var line = String(format: "%.3f  ", match.jaccard) + "\(match.documentID) (version \(match.version))"
            if let date = match.date { line += "  \(date)" }
            line += String(format: "  · it holds %.0f%% of the text, the text holds %.0f%% of it",
                           match.containmentOfQuery * 100, match.containmentOfIndexed * 100)
            if let diff { line += "  · " + DiffSummary(diff).line }
            try out.write(line + "\n")
        }
    }

    func writeTerminalDiff(_ diff: VersionDiff, from best: IndexMatch, to out: OutputDestination) throws {
        try out.write("\n── diff: \(best.documentID)@\(best.version) → \(file)\n")
        try out.write(TerminalDiffWriter(useColor: color.enabled(toFile: out.isFile), context: nil).render(diff))
    }

    func diffReport(_ diff: VersionDiff, from best: IndexMatch) -> DiffReport {
        DiffReport(diff, oldPath: "\(best.documentID)@\(best.version)", newPath: file, replacedInvalidSequences: nil)
    }
}
