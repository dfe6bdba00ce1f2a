// Warm `Store.matches` latency, in process: opens an index once, runs every query once to warm the
// page cache, then times each query again (sketching the text included, as `stemma match` does).
// Prints one JSON line: queries, matched, p50/p90/p99/max in milliseconds.
//
// Usage: stemma-match-latency DB QUERIES.jsonl [--limit N]
import Foundation
import StemmaStore

struct Failure: Error, CustomStringConvertible { let description: String }

func queries(from path: String, limit: Int) throws -> [[UInt8]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var texts: [[UInt8]] = []
    for line in data.split(separator: UInt8(ascii: "\n")).prefix(limit) {
        guard let record = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let text = record["text"] as? String else {
            throw Failure(description: "\(path): a line without a text member")
        }
        texts.append(Array(text.utf8))
    }
    return texts
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: stemma-match-latency DB QUERIES.jsonl [--limit N]\n".utf8))
    exit(2)
}
let limit = arguments.firstIndex(of: "--limit").flatMap { Int(arguments[$0 + 1]) } ?? 1_000
let store = try Store.open(path: arguments[1])
let texts = try queries(from: arguments[2], limit: limit)
for text in texts { _ = try store.matches(for: text) }
var milliseconds: [Double] = []
var matched = 0
for text in texts {
    let start = DispatchTime.now().uptimeNanoseconds
    let found = try store.matches(for: text)
    milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    if !found.isEmpty { matched += 1 }
}
milliseconds.sort()
print(String(format: #"{"tool":"stemma","queries":%d,"matched":%d,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f}"#,
             texts.count, matched, percentile(milliseconds, 0.5), percentile(milliseconds, 0.9), percentile(milliseconds, 0.99),
             milliseconds.last ?? 0))
