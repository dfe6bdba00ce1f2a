// Times VersionDiff in-process over version pairs, so that process start-up is not measured.
//
// Usage: stemma-diff-bench PAIRS.jsonl [REPEAT]
//        stemma-diff-bench --analyze FILE [REPEAT]   (tokenizer and sentence splitter throughput)
//        stemma-diff-bench --sketch FILE [REPEAT]    (shingles + MinHash-128 throughput, one core, 5 KB documents)
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
if arguments[1] == "--analyze", arguments.count >= 3 {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: arguments[2])))
    let repeats = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 1) : 1
    var tokens = 0, sentences = 0
    let clock = ContinuousClock()
    let tokenizing = clock.measure {
        for _ in 0..<repeats { tokens &+= bytes.withUnsafeBufferPointer { Tokenizer.tokens(inUTF8: $0).count } }
    }
    let analyzing = clock.measure {
        for _ in 0..<repeats { sentences &+= AnalyzedText(bytes: bytes).sentences.count }
    }
    func megabytesPerSecond(_ duration: Duration) -> Double {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return Double(bytes.count * repeats) / 1e6 / seconds
    }
    print(#"{"bytes": \#(bytes.count), "tokens": \#(tokens / repeats), "sentences": \#(sentences / repeats), "tokenizeMBps": \#(megabytesPerSecond(tokenizing)), "analyzeMBps": \#(megabytesPerSecond(analyzing))}"#)
    exit(0)
}
if arguments[1] == "--sketch", arguments.count >= 3 {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: arguments[2])))
    let repeats = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 1) : 1
    let sketcher = try DocumentSketcher(shingleSize: 5, permutations: 128)
    var scratch = DocumentSketcher.Scratch()
    var checksum: UInt32 = 0
    var signatureHash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over every signature value, to check bit-identity
    let documentSize = 5_000
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        bytes.withUnsafeBufferPointer { all in
            for _ in 0..<repeats {
                var start = 0
                while start < all.count {
                    var end = min(all.count, start + documentSize)
                    while end < all.count, all[end] & 0xC0 == 0x80 { end += 1 }  // whole scalars only
                    let signature = sketcher.sketch(UnsafeBufferPointer(rebasing: all[start..<end]), scratch: &scratch).signature
                    checksum ^= signature[0]
                    for value in signature { signatureHash = (signatureHash ^ UInt64(value)) &* 0x100_0000_01b3 }
                    start = end
                }
            }
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(#"{"bytes": \#(bytes.count), "repeats": \#(repeats), "sketchMBps": \#(Double(bytes.count * repeats) / 1e6 / seconds), "checksum": \#(checksum), "signatureHash": \#(signatureHash)}"#)
    exit(0)
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
