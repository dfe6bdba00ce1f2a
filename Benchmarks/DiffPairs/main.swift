// Times VersionDiff in-process over version pairs, so that process start-up is not measured.
//
// Usage: stemma-diff-bench PAIRS.jsonl [REPEAT]
// Each line of PAIRS.jsonl is {"old": "...", "new": "..."}. Prints one JSON object with the number
// of pairs, the total seconds for analysis + alignment + word diff + tags, and the mean per pair.
import Foundation
import StemmaCore

struct Pair: Decodable {
    var old: String
    var new: String
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: stemma-diff-bench PAIRS.jsonl [REPEAT]\n".utf8))
    exit(2)
}
let repeats = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 1) : 1
let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
let decoder = JSONDecoder()
let pairs = try data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map {
    try decoder.decode(Pair.self, from: Data($0))
}
var operations = 0
let clock = ContinuousClock()
let elapsed = clock.measure {
    for _ in 0..<repeats {
        for pair in pairs {
            let diff = VersionDiff(old: AnalyzedText(pair.old), new: AnalyzedText(pair.new))
            operations &+= diff.operations.count
        }
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let runs = Double(pairs.count * repeats)
print(#"{"pairs": \#(pairs.count), "repeats": \#(repeats), "seconds": \#(seconds), "microsecondsPerPair": \#(seconds / runs * 1e6), "operations": \#(operations)}"#)
