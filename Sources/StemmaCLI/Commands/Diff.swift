import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO
import StemmaWeb

/// `stemma diff OLD NEW`: what changed between two versions of a text.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of a text, sentence by sentence and word by word.",
        discussion: """
        Sentences are aligned (unchanged, edited, split, merged, moved, added, deleted), words are \
        diffed inside each aligned group, and changes are tagged (numbers, quotations, names, time \
        words, tense, punctuation, case, whitespace). Exit status: 0 if the texts are identical, \
        1 if they differ, 2 on error. An .html/.htm/.xhtml file is read as a web page: its article \
        (--extract) is diffed, and its title and dates are shown above the diff.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: "The old version: a file, or - for standard input.", completion: .file())
    var old: String

    @Argument(help: "The new version: a file, or - for standard input.", completion: .file())
    var new: String

    @Option(name: .shortAndLong, help: "Output format.")
    var format: Format = .text

    @OptionGroup var output: OutputOptions

    @Flag(help: "Show only changed sentences (text format).")
    var onlyChanges = false

    @Option(name: [.customShort("C"), .long], help: ArgumentHelp("Show N unchanged sentences around each change (text format).", valueName: "N"))
    var context: Int?

    @OptionGroup var color: ColorOptions

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing, with a warning.")
    var lossy = false

    @Flag(help: "Compact JSON on one line (json format).")
    var compact = false

    @Option(help: ArgumentHelp("What an HTML page is diffed as: article (its main text), text (all visible text) or none (the page as it is).",
                               valueName: "mode"))
    var extract: ExtractionMode = .article

    func validate() throws {
        if old == "-" && new == "-" {
            throw ValidationError("Only one of OLD and NEW can be standard input.")
        }
        if let context, context < 0 {
            throw ValidationError("--context must be zero or more.")
        }
    }

    func run() throws {
        // Opened first, so that an output that cannot be written fails before the diff.
        let destination = try output.open()
        let (oldInput, oldPage) = try TextOrPage.read(old, lossy: lossy, extract: extract)
        let (newInput, newPage) = try TextOrPage.read(new, lossy: lossy, extract: extract)
        for input in [oldInput, newInput] where input.replacedSequences > 0 {
            Console.warn("\(input.path): replaced \(input.replacedSequences) invalid UTF-8 sequence(s) with U+FFFD")
        }
        let diff = VersionDiff(oldBytes: oldInput.bytes, newBytes: newInput.bytes)
        switch format {
        case .text:
            let useColor = color.enabled(toFile: destination.isFile)
            let shownContext = context ?? (onlyChanges ? 0 : nil)
            if oldPage != nil || newPage != nil {
                try destination.write(Self.metadataLine("---", old, oldPage) + Self.metadataLine("+++", new, newPage) + "\n")
            }
            try destination.write(TerminalDiffWriter(useColor: useColor, context: shownContext).render(diff))
        case .json:
            // One entry per file: `stemma diff a.txt a.txt` names one file twice (a dictionary
            // literal with a repeated key would trap).
            let replaced = lossy ? Dictionary([(oldInput.path, oldInput.replacedSequences), (newInput.path, newInput.replacedSequences)],
                                              uniquingKeysWith: { first, _ in first }) : nil
            let report = DiffReport(diff, oldPath: old, newPath: new, replacedInvalidSequences: replaced)
            try destination.write(report.jsonBytes(pretty: !compact))
        case .html:
            try destination.write(HTMLDiffWriter().render(diff, oldName: old, newName: new))
        }
        try destination.finish()
        if !diff.isIdentical { throw ExitCode(1) }
    }

    /// `--- old.html: Title · 2022-03-02 · Site`, the metadata of a page above its diff.
    private static func metadataLine(_ marker: String, _ path: String, _ page: Document?) -> String {
        let parts = [page?.title, page?.date, page?.source].compactMap { $0 }
        return "\(marker) \(path)" + (parts.isEmpty ? "" : ": " + parts.joined(separator: " · ")) + "\n"
    }
}
