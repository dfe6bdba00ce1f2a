import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO
import StemmaServer
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

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The text: a file, or - for standard input.")
    var file: String

    @OptionGroup var store: StoreOptions

    @Option(help: "At most this many matches.")
    var limit = 20

    @Option(help: "Output format.")
    var format: Format = .text

    @Flag(help: "Also print the full diff from the best match to the text (as stemma diff does).")
    var diff = false

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.")
    var lossy = false

    @Flag(help: "Also list the text's own stored copy (the document whose id index add gives the file).")
    var includeSelf = false

    func run() throws {
        let index = try store.openExisting()
        let text = try TextInput.read(file, lossy: lossy)
        // A file's own copy would be the first match, and --diff would diff it with itself.
        let matches = try index.matches(for: text.bytes, limit: limit, excluding: includeSelf || file == "-" ? nil : TextFileID.of(file))
        // Diffs need the indexed texts; an index made with --no-text has none.
        let diffs = try matches.map { match in
            try index.version(of: match.documentID, number: match.version)?.text.map {
                VersionDiff(oldBytes: Array($0.utf8), newBytes: text.bytes)
            }
        }
        switch format {
        case .text: try writeText(matches, diffs)
        case .json: try writeJSON(matches, diffs)
        }
        if diff, let best = matches.first {
            guard let bestDiff = diffs.first ?? nil else {
                throw ValidationError("\(store.db) keeps no texts (indexed with --no-text): no diff to show")
            }
            try writeDiff(bestDiff, from: best)
        }
        if matches.isEmpty { throw ExitCode(1) }
    }

    func writeText(_ matches: [StoreMatch], _ diffs: [VersionDiff?]) throws {
        for (match, diff) in zip(matches, diffs) {
            var line = String(format: "%.3f  ", match.jaccard) + "\(match.documentID) (version \(match.version))"
            if let date = match.date { line += "  \(date)" }
            line += String(format: "  · it holds %.0f%% of the text, the text holds %.0f%% of it",
                           match.containmentOfQuery * 100, match.containmentOfIndexed * 100)
            if let diff { line += "  · " + DiffSummary(diff).line }
            try Console.write(line + "\n")
        }
    }

    func writeJSON(_ matches: [StoreMatch], _ diffs: [VersionDiff?]) throws {
        for (match, diff) in zip(matches, diffs) {
            try Console.write(bytes: MatchRecord(match, summary: diff.map(DiffSummary.init)).jsonValue.utf8(pretty: false) + [0x0A])
        }
    }

    /// The diff from the best match to the text: the terminal rendering, or for JSON one line
    /// `{"diff": …}` holding the report `stemma diff --format json` writes.
    func writeDiff(_ diff: VersionDiff, from best: StoreMatch) throws {
        let oldName = "\(best.documentID)@\(best.version)"
        switch format {
        case .text:
            try Console.write("\n── diff: \(oldName) → \(file)\n")
            try Console.write(TerminalDiffWriter(useColor: Console.wantsColor, context: nil).render(diff))
        case .json:
            let report = DiffReport(diff, oldPath: oldName, newPath: file, replacedInvalidSequences: nil)
            try Console.write(bytes: Array("{\"diff\":".utf8) + report.jsonBytes(pretty: false).dropLast() + Array("}\n".utf8))
        }
    }
}
