import Foundation
import StemmaWeb

// Extracts every `*/source.html` below a folder and prints one JSON line per page, for
// Benchmarks/extract/score.py while `stemma extract` is being written.
let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "."
let names = (try? FileManager.default.contentsOfDirectory(atPath: root))?.sorted() ?? []
for name in names {
    let path = root + "/" + name + "/source.html"
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    let page = WebPage(html: [UInt8](data), url: "http://fakehost/test/page.html")
    let record: [String: Any] = ["path": name + "/source.html", "title": page.title ?? NSNull(), "byline": page.byline ?? NSNull(),
                                 "date": page.published ?? NSNull(), "text": String(decoding: page.text, as: UTF8.self)]
    let json = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
}
