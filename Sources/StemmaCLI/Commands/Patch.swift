import ArgumentParser
import Foundation
import StemmaIO

/// `stemma patch OLD REPORT`: rebuilds the new text from the old one and a JSON diff report.
struct Patch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the new text from the old text and a `stemma diff --format json` report.",
        discussion: "The report's edit script copies old bytes and inserts new ones; the result is the new text, byte for byte."
    )

    @Argument(help: "The old text the report was made from.")
    var old: String

    @Argument(help: "The JSON report, or - for standard input.")
    var report: String

    func run() throws {
        let oldBytes = try TextInput.readBytes(old)
        let report = try DiffReport.decode(try TextInput.readBytes(report), path: report)
        guard oldBytes.count == report.old.bytes else {
            throw ReadError(file: old, reason: .malformed(
                "has \(oldBytes.count) bytes but the report was made from a text of \(report.old.bytes) bytes"))
        }
        guard let rebuilt = report.applyEditScript(to: oldBytes) else {
            throw ReadError(file: self.report, reason: .malformed("edit script copies bytes outside the old text"))
        }
        Console.write(bytes: rebuilt)
    }
}
