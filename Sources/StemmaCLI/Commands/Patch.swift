import ArgumentParser
import Foundation
import StemmaIO

/// `stemma patch OLD REPORT`: rebuilds the new text from the old one and a JSON diff report.
struct Patch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the new text from the old text and a `stemma diff --format json` report.",
        discussion: """
        The report's edit script copies old bytes and inserts new ones; the result is the new text, \
        byte for byte. The old text and the result are checked against the lengths and SHA-256 \
        hashes the report records; nothing is written when either differs.
        """
    )

    @Argument(help: "The old text the report was made from.", completion: .file())
    var old: String

    @Argument(help: "The JSON report, or - for standard input.", completion: .file(extensions: ["json"]))
    var report: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let destination = try output.open()
        let oldBytes = try TextInput.readBytes(old)
        let decoded = try DiffReport.decode(try TextInput.readBytes(report), path: report)
        // Rebuilt whole before anything is written: a text that fails its checks writes nothing.
        try destination.write(try decoded.rebuild(from: oldBytes, oldPath: old, reportPath: report))
        try destination.finish()
    }
}
