import Foundation
import StemmaCore
import StemmaTestSupport

/// `stemma-corpus plant` and `stemma-corpus evaluate-reuse`: corpora with planted passages, and
/// the recall, boundary error and false passages of a `stemma reuse` report against them. The
/// evaluator regenerates the corpus from the same seed and sizes instead of reading a truth file.
enum PlantedReuse {
    static func generator(_ arguments: [String]) -> (ReuseCorpusGenerator, documents: Int, passages: Int) {
        guard arguments.count >= 2, let count = Int(arguments[1]) else { fail("usage: stemma-corpus plant COUNT OUT.jsonl [--seed S] [--passages P]") }
        var generator = ReuseCorpusGenerator(seed: UInt64(option("--seed", arguments) ?? "42") ?? 42)
        generator.paragraphs = 8...20
        generator.footers = true
        let passages = Int(option("--passages", arguments) ?? "") ?? max(1, count / 10)
        return (generator, count, passages)
    }

    static func plant(_ arguments: [String]) throws {
        guard arguments.count >= 3 else { fail("usage: stemma-corpus plant COUNT OUT.jsonl [--seed S] [--passages P]") }
        var (generator, count, passages) = generator(arguments)
        let corpus = generator.corpus(documents: count, passages: passages)
        guard FileManager.default.createFile(atPath: arguments[2], contents: nil), let handle = FileHandle(forWritingAtPath: arguments[2]) else {
            fail("cannot create \(arguments[2])")
        }
        var output = Data()
        for document in corpus.documents {
            let object: [String: Any] = ["id": document.id, "text": document.text, "date": document.date, "source": document.source]
            output += try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            output.append(0x0A)
            if output.count > 1 << 24 {
                handle.write(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        handle.write(output)
        try handle.close()
        FileHandle.standardError.write(Data("planted \(corpus.copies.count) passages, \(corpus.sharedPassages.count) copy pairs\n".utf8))
    }

    /// Prints recall, median and 95th-percentile boundary error, and false passages as JSON.
    static func evaluate(_ arguments: [String]) throws {
        guard arguments.count >= 3 else { fail("usage: stemma-corpus evaluate-reuse COUNT REPORT.jsonl [--seed S] [--passages P]") }
        var (generator, count, passages) = generator(arguments)
        let corpus = generator.corpus(documents: count, passages: passages)
        let index = Dictionary(uniqueKeysWithValues: corpus.documents.enumerated().map { ($1.id, $0) })
        var reported: [ReusePassage] = []
        for line in try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], object["type"] as? String == "passage",
                  let a = object["a"] as? [String: Any], let b = object["b"] as? [String: Any],
                  let idA = a["id"] as? String, let idB = b["id"] as? String, let x = index[idA], let y = index[idB],
                  let bytesA = a["bytes"] as? [Int], let bytesB = b["bytes"] as? [Int] else { continue }
            let (first, second) = x < y ? ((x, bytesA), (y, bytesB)) : ((y, bytesB), (x, bytesA))
            reported.append(ReusePassage(a: first.0, b: second.0, bytesA: first.1[0]..<first.1[1], bytesB: second.1[0]..<second.1[1],
                                         alignment: WordAlignment(wordsA: 0..<0, wordsB: 0..<0, score: 0, steps: [])))
        }
        let score = ReuseEvaluation(corpus: corpus, passages: reported)
        let errors = score.boundaryErrors.sorted()
        let p95 = errors.isEmpty ? 0 : errors[min(errors.count - 1, errors.count * 95 / 100)]
        print("{\"planted\": \(score.planted), \"found\": \(score.found), \"recall\": \(String(format: "%.4f", score.recall)), "
            + "\"medianBoundaryError\": \(score.medianBoundaryError), \"p95BoundaryError\": \(p95), "
            + "\"falsePassages\": \(score.falsePassages), \"strayPassages\": \(score.strayPassages)}")
    }
}
