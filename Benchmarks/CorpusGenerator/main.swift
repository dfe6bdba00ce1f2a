// Generates news-like corpora with known families, and scores reported pairs against them.
//
//   stemma-corpus generate COUNT OUT.jsonl [--seed S]
//       JSONL {"id", "text", "date", "source", "family"}; families are versions of one story.
//   stemma-corpus evaluate CORPUS.jsonl PAIRS [--threshold T] [--shingle N]
//       PAIRS holds one pair per line, either stemma's {"type":"pair","a":…,"b":…} records or
//       "idA<TAB>idB". Truth: pairs whose exact word-shingle Jaccard (Stemma's shingling) is at or
//       above the threshold, among pairs in the same family and pairs any tool reported. Prints
//       precision and recall as JSON.
//   stemma-corpus plant COUNT OUT.jsonl [--seed S] [--passages P] [--newspaper] [--noise today|double|heavy]
//       JSONL {"id", "text", "date", "source"} of unrelated documents with P (default COUNT/10)
//       passages of 50–2,000 words planted in them, noisy in every copy but the source; --newspaper
//       adds short notices reprinted across issues and notices sharing templates (formulas).
//   stemma-corpus evaluate-reuse COUNT REPORT.jsonl [same options as plant]
//       Scores a `stemma reuse` JSONL report against the passages planted with the same settings.
import Foundation
import StemmaCore
import StemmaTestSupport

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("stemma-corpus: \(message)\n".utf8))
    exit(2)
}

func option(_ name: String, _ arguments: [String]) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("usage: stemma-corpus generate COUNT OUT.jsonl [--seed S] | evaluate CORPUS PAIRS [--threshold T] | plant COUNT OUT.jsonl | evaluate-reuse COUNT REPORT.jsonl") }

switch command {
case "generate":
    guard arguments.count >= 3, let count = Int(arguments[1]) else { fail("usage: stemma-corpus generate COUNT OUT.jsonl [--seed S]") }
    let seed = UInt64(option("--seed", arguments) ?? "42") ?? 42
    var generator = CorpusGenerator(seed: seed)
    guard FileManager.default.createFile(atPath: arguments[2], contents: nil), let handle = FileHandle(forWritingAtPath: arguments[2]) else {
        fail("cannot create \(arguments[2])")
    }
    var written = 0
    // Generated in blocks so that a million documents never sit in memory at once.
    while written < count {
        let block = generator.documents(count: min(10_000, count - written))
        var output = ""
        for document in block {
            let object: [String: Any] = ["id": "\(written / 10_000)-\(document.id)", "text": document.text, "date": document.date,
                                         "source": document.source, "family": "\(written / 10_000)-\(document.family)"]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            output += String(decoding: data, as: UTF8.self) + "\n"
        }
        handle.write(Data(output.utf8))
        written += block.count
    }
    try handle.close()
case "evaluate":
    guard arguments.count >= 3 else { fail("usage: stemma-corpus evaluate CORPUS.jsonl PAIRS [--threshold T]") }
    let threshold = Double(option("--threshold", arguments) ?? "0.5") ?? 0.5
    let shingle = Int(option("--shingle", arguments) ?? "5") ?? 5
    try Evaluation.run(corpus: arguments[1], pairs: arguments[2], threshold: threshold, shingle: shingle)
case "plant":
    try PlantedReuse.plant(arguments)
case "evaluate-reuse":
    try PlantedReuse.evaluate(arguments)
default:
    fail("unknown command \(command)")
}
