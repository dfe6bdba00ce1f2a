import Foundation
import StemmaCore
import StemmaTestSupport

/// `stemma-corpus plant` and `stemma-corpus evaluate-reuse`: corpora with planted passages, and
/// the recall, boundary error and false passages of a `stemma reuse` report against them. The
/// evaluator regenerates the corpus from the same seed and sizes instead of reading a truth file.
///
/// `--newspaper` plants issues of newspapers instead: fewer long passages, and short notices
/// (15–60 words) reprinted in 2–6 issues, and notices written on shared templates (formulas);
/// `--noise today|double|heavy` sets how badly the copies are read.
enum PlantedReuse {
    static let usage = "[--seed S] [--passages P] [--newspaper] [--noise today|double|heavy]"

    static func generator(_ arguments: [String]) -> (ReuseCorpusGenerator, documents: Int, passages: Int) {
        guard arguments.count >= 2, let count = Int(arguments[1]) else { fail("usage: stemma-corpus plant COUNT OUT.jsonl \(usage)") }
        var generator = ReuseCorpusGenerator(seed: UInt64(option("--seed", arguments) ?? "42") ?? 42)
        generator.paragraphs = 8...20
        generator.footers = true
        if let name = option("--noise", arguments) {
            guard let noise = NoiseModel.named(name) else { fail("--noise must be today, double or heavy, not \(name)") }
            generator.noise = noise
        }
        let newspaper = arguments.contains("--newspaper")
        if newspaper {
            generator.newspaper = NoticePlan(notices: max(1, count / 4), formulas: max(2, count / 500))
        }
        let passages = Int(option("--passages", arguments) ?? "") ?? max(1, count / (newspaper ? 40 : 10))
        return (generator, count, passages)
    }

    static func plant(_ arguments: [String]) throws {
        guard arguments.count >= 3 else { fail("usage: stemma-corpus plant COUNT OUT.jsonl \(usage)") }
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
        FileHandle.standardError.write(Data("planted \(corpus.copies.count) passages and notices, \(corpus.sharedPassages.count) copy pairs\n".utf8))
    }

    /// Prints recall, median and 95th-percentile boundary error, and false passages as JSON, then
    /// the same by length band and kind, and how the clusters keep items apart.
    static func evaluate(_ arguments: [String]) throws {
        guard arguments.count >= 3 else { fail("usage: stemma-corpus evaluate-reuse COUNT REPORT.jsonl \(usage)") }
        var (generator, count, passages) = generator(arguments)
        let corpus = generator.corpus(documents: count, passages: passages)
        let index = Dictionary(uniqueKeysWithValues: corpus.documents.enumerated().map { ($1.id, $0) })
        var reported: [ReusePassage] = []
        var clusters: [[(document: Int, bytes: Range<Int>)]] = []
        for line in try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            if object["type"] as? String == "cluster", let members = object["members"] as? [[String: Any]] {
                clusters.append(members.compactMap { member in
                    guard let id = member["id"] as? String, let document = index[id], let bytes = member["bytes"] as? [Int] else { return nil }
                    return (document, bytes[0]..<bytes[1])
                })
            }
            guard object["type"] as? String == "passage",
                  let a = object["a"] as? [String: Any], let b = object["b"] as? [String: Any],
                  let idA = a["id"] as? String, let idB = b["id"] as? String, let x = index[idA], let y = index[idB],
                  let bytesA = a["bytes"] as? [Int], let bytesB = b["bytes"] as? [Int] else { continue }
            let (first, second) = x < y ? ((x, bytesA), (y, bytesB)) : ((y, bytesB), (x, bytesA))
            reported.append(ReusePassage(a: first.0, b: second.0, bytesA: first.1[0]..<first.1[1], bytesB: second.1[0]..<second.1[1],
                                         alignment: WordAlignment(wordsA: 0..<0, wordsB: 0..<0, score: 0, steps: [])))
        }
        let score = ReuseEvaluation(corpus: corpus, passages: reported)
        print(summary(score.outcomes, label: "all")
            + ", \"falsePassages\": \(score.falsePassages), \"strayPassages\": \(score.strayPassages), \"formulaPassages\": \(score.formulaPassages)}")
        guard arguments.contains("--newspaper") else { return }
        let bands: [(String, ClosedRange<Int>)] = [("15-25", 0...25), ("26-40", 26...40), ("41-60", 41...60), ("61+", 61...Int.max)]
        for (label, band) in bands {
            let outcomes = score.outcomes.filter { band.contains($0.words) && $0.kind != .passage }
            if !outcomes.isEmpty { print(summary(outcomes, label: "notices \(label) words") + "}") }
        }
        print(summary(score.outcomes.filter { $0.kind == .passage }, label: "passages") + "}")
        print(summary(score.outcomes.filter { if case .formula = $0.kind { true } else { false } }, label: "formula notices reprinted") + "}")
        let clustering = ClusterEvaluation(corpus: corpus, clusters: clusters)
        if arguments.contains("--explain") {
            let labels = PlantedLabels(corpus: corpus)
            for passage in reported where labels.item(of: passage.a, passage.bytesA) != labels.item(of: passage.b, passage.bytesB) {
                let describe = { (document: Int, bytes: Range<Int>) -> String in
                    let item = labels.item(of: document, bytes)
                    let text = String(decoding: Array(corpus.documents[document].text.utf8)[bytes], as: UTF8.self).replacingOccurrences(of: "\n", with: " / ")
                    return "\(corpus.documents[document].id) item \(item.map(String.init) ?? "-") \(item.map { "\(corpus.kinds[$0])" } ?? ""): \(text)"
                }
                print("MIXED\n  " + describe(passage.a, passage.bytesA) + "\n  " + describe(passage.b, passage.bytesB))
            }
        }
        print("{\"clusters\": \(clustering.clusters), \"mixed\": \(clustering.mixed), \"joinedByFormula\": \(clustering.joinedByFormula), \"largestDocuments\": \(clustering.largest)}")
    }

    /// The opening of a JSON object with recall and boundary errors of some outcomes.
    static func summary(_ outcomes: [ReuseEvaluation.Outcome], label: String) -> String {
        let errors = outcomes.flatMap(\.boundaryErrors).sorted()
        let p95 = errors.isEmpty ? 0 : errors[min(errors.count - 1, errors.count * 95 / 100)]
        return "{\"set\": \"\(label)\", \"planted\": \(outcomes.count), \"found\": \(outcomes.count { $0.found }), "
            + "\"recall\": \(String(format: "%.4f", ReuseEvaluation.recall(outcomes))), "
            + "\"medianBoundaryError\": \(ReuseEvaluation.median(errors)), \"p95BoundaryError\": \(p95)"
    }
}
