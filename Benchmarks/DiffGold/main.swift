// Scores `VersionDiff` against the hand-checked gold pairs of Benchmarks/diff-gold/ (see its README):
// one table row per pair and a total, then what each miss was given instead.
//
// Usage: stemma-diff-gold [DIR] [--no-misses]
// Exit status 0 after a report, 2 when a gold file cannot be read or does not fit its texts.
import Foundation
import StemmaTestSupport

var arguments = Array(CommandLine.arguments.dropFirst())
let showMisses = !arguments.contains("--no-misses")
arguments.removeAll { $0 == "--no-misses" }
let directory = arguments.first.map { URL(fileURLWithPath: $0) } ?? DiffGold.directory

do {
    let scores = try DiffGold.loadAll(in: directory).map { try $0.score() }
    print(DiffGoldScore.table(scores))
    if showMisses {
        for score in scores where !score.missReport.isEmpty {
            print("")
            print(score.missReport)
        }
    }
} catch {
    FileHandle.standardError.write(Data("stemma-diff-gold: \(error)\n".utf8))
    exit(2)
}
