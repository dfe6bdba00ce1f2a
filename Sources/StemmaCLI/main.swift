import Foundation
import StemmaCore
let path = CommandLine.arguments[1]
let text = try! String(contentsOfFile: path, encoding: .utf8)
let a = AnalyzedText(text)
for (i, s) in a.sentences.enumerated() {
    print(i, s.paragraph, s.kind, "|", a.string(of: s))
}
print(a.tokens.prefix(40).map { a.string(of: $0) })
