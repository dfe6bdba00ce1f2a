import Foundation
import StemmaCore

extension DiffReport {
    /// What goes wrong when the fuzz input `bytes` is diffed and rebuilt, or `nil` when nothing does.
    ///
    /// The input is split at its first 0xFF byte (never valid UTF-8, so it cannot occur inside
    /// either text) into an old and a new text, each made valid with U+FFFD as `--lossy` does. The
    /// diff's edit script must rebuild the new text, and so must the JSON report after a round
    /// trip through `stemma patch`'s decoder and checks. Shared by the libFuzzer target
    /// (`Fuzz/run.sh diff`) and the replay test of its corpus.
    package static func fuzzRoundTripFailure(in bytes: [UInt8]) -> String? {
        let split = bytes.firstIndex(of: 0xFF) ?? bytes.count / 2
        let old = Array(String(decoding: bytes[..<split], as: UTF8.self).utf8)
        let new = Array(String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self).utf8)
        let diff = VersionDiff(oldBytes: old, newBytes: new)
        guard diff.editScript().apply(to: old) == new else { return "the edit script does not rebuild the new text" }
        let report = DiffReport(diff, oldPath: "old", newPath: "new")
        do {
            let decoded = try DiffReport.decode(report.jsonBytes(pretty: false), path: "report")
            guard try decoded.rebuild(from: old, oldPath: "old", reportPath: "report") == new else {
                return "the decoded report rebuilds another text"
            }
        } catch {
            return "the report does not round-trip: \(error)"
        }
        return nil
    }
}
