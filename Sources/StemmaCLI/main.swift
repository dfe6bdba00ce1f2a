import Foundation
import StemmaCore
let old = AnalyzedText(try! String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8))
let new = AnalyzedText(try! String(contentsOfFile: CommandLine.arguments[2], encoding: .utf8))
let diff = VersionDiff(old: old, new: new)
for op in diff.operations {
    let o = op.old.map { old.string(of: old.sentences[$0]).prefix(70) }
    let n = op.new.map { new.string(of: new.sentences[$0]).prefix(70) }
    print(op.kind, op.old, op.new, op.tags.map(\.rawValue), op.details.isEmpty ? "" : "\(op.details)")
    for s in o { print("   - ", s) }
    for s in n { print("   + ", s) }
}
print(diff.editScript().apply(to: old.bytes) == new.bytes, diff.overlap)
