// Run with: Stemma_BENCHMARKS=1 swift package --allow-writing-to-package-directory benchmark
// CI-style tracking uses instructions and malloc counts, which do not depend on machine load.
import Benchmark
import Foundation
import StemmaCore

/// The seed pair, read from ../shared/seeds beside the checkout.
func seedText(_ name: String) -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.deletingLastPathComponent().appendingPathComponent("shared/seeds/\(name)")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
}

let benchmarks: @Sendable () -> Void = {
    let old = seedText("washington-times-2022-03-02.txt")
    let new = seedText("republished-copy.txt")
    let metrics: [BenchmarkMetric] = [.wallClock, .instructions, .mallocCountTotal, .peakMemoryResident]

    Benchmark("Diff seed pair (analysis, alignment, word diff, tags)", configuration: .init(metrics: metrics)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(VersionDiff(old: AnalyzedText(old), new: AnalyzedText(new)).operations.count)
        }
    }

    Benchmark("Analyze seed text (tokens, sentences)", configuration: .init(metrics: metrics)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(AnalyzedText(old).sentences.count)
        }
    }

    let oldText = AnalyzedText(old), newText = AnalyzedText(new)
    Benchmark("Align seed sentences", configuration: .init(metrics: metrics)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SentenceAligner().align(oldText, with: newText).count)
        }
    }
}
