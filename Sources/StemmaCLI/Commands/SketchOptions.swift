import ArgumentParser
import StemmaIO

/// How documents are sketched and banded, with one meaning in `dedup` and `sketch`: a sketch
/// record made with the same options is what `dedup` computes of the document.
struct SketchOptions: ParsableArguments {
    @Option(help: "Jaccard similarity at or above which two documents are near duplicates.")
    var threshold = 0.5

    @Option(help: "Words per shingle.")
    var shingle = 5

    @Option(help: "MinHash permutations (a multiple of 16).")
    var permutations = 128

    @Option(help: "Seed of the MinHash permutations; signatures depend on it.")
    var seed: UInt64 = 1

    @Option(help: "Documents with fewer shingles are set aside and counted, never matched.")
    var minShingles = 5

    /// The options `dedup` runs with, before its verification choices.
    func options(threads: Int, corpus: CorpusOptions) -> DedupOptions {
        var options = DedupOptions()
        options.threshold = threshold
        options.shingleSize = shingle
        options.permutations = permutations
        options.seed = seed
        options.minimumShingles = minShingles
        options.threads = threads
        options.corpus = corpus
        options.corpus.threads = threads
        return options
    }
}
