import Foundation
import StemmaWeb

// `stemma-extract-eval DIR`: extracts every `*/source.html` below DIR and prints one JSON line per
// page, for Benchmarks/extract/score.py.
// `stemma-extract-eval DIR --speed R`: extraction alone (pages in memory, no output), R rounds on
// one core, and prints MB/s: the figure Benchmarks/extract-speed.sh sets beside the peers' own.
let arguments = CommandLine.arguments
let root = arguments.count > 1 ? arguments[1] : "."
let rounds = arguments.count > 3 && arguments[2] == "--speed" ? Int(arguments[3]) ?? 1 : 0
let names = (try? FileManager.default.contentsOfDirectory(atPath: root))?.sorted() ?? []
var pages: [(name: String, bytes: [UInt8])] = []
for name in names {
    if let data = FileManager.default.contents(atPath: root + "/" + name + "/source.html") { pages.append((name, [UInt8](data))) }
}
if rounds > 0 {
    let start = Date()
    var characters = 0
    for _ in 0..<rounds {
        for page in pages { characters += WebPage(html: page.bytes, url: "http://fakehost/test/page.html").text.count }
    }
    let seconds = Date().timeIntervalSince(start)
    let megabytes = Double(pages.reduce(0) { $0 + $1.bytes.count } * rounds) / 1_000_000
    print(String(format: "%.1f MB in %.3f s: %.1f MB/s on one core (%d text bytes)", megabytes, seconds, megabytes / seconds, characters))
} else {
    for page in pages {
        let result = WebPage(html: page.bytes, url: "http://fakehost/test/page.html")
        let record: [String: Any] = ["path": page.name + "/source.html", "title": result.title ?? NSNull(),
                                     "byline": result.byline ?? NSNull(), "date": result.published ?? NSNull(),
                                     "text": String(decoding: result.text, as: UTF8.self)]
        let json = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }
}
