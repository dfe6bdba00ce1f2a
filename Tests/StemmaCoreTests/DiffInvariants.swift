import StemmaCore
import Testing

/// Checks what must hold for every diff, whatever the inputs.
func expectInvariants(_ diff: VersionDiff, sourceLocation: SourceLocation = #_sourceLocation) {
    // Lossless: the edit script rebuilds the new text byte for byte.
    #expect(diff.editScript().apply(to: diff.old.bytes) == diff.new.bytes, "edit script does not rebuild NEW", sourceLocation: sourceLocation)
    // Every sentence of both texts is in exactly one operation; the sentence that the pieces of a
    // split or merge apart share is in each of them, and counted with the first.
    var oldSeen = [Int](repeating: 0, count: diff.old.sentences.count)
    var newSeen = [Int](repeating: 0, count: diff.new.sentences.count)
    for operation in diff.operations {
        let sharesOld = operation.piece.map { $0.index > 0 && operation.kind == .split } ?? false
        let sharesNew = operation.piece.map { $0.index > 0 && operation.kind == .merged } ?? false
        if !sharesOld { for index in operation.old { oldSeen[index] += 1 } }
        if !sharesNew { for index in operation.new { newSeen[index] += 1 } }
        // Word edits cover both sides' tokens in order.
        if !operation.old.isEmpty, !operation.new.isEmpty {
            let oldTokens = diff.old.sentences[operation.old.lowerBound].tokens.lowerBound..<diff.old.sentences[operation.old.upperBound - 1].tokens.upperBound
            let newTokens = diff.new.sentences[operation.new.lowerBound].tokens.lowerBound..<diff.new.sentences[operation.new.upperBound - 1].tokens.upperBound
            var i = oldTokens.lowerBound, j = newTokens.lowerBound
            for edit in operation.words {
                #expect(edit.old.lowerBound == i && edit.new.lowerBound == j, sourceLocation: sourceLocation)
                if edit.kind == .equal {
                    #expect(edit.old.count == edit.new.count, sourceLocation: sourceLocation)
                    for (a, b) in zip(edit.old, edit.new) {
                        #expect(diff.old.bytes[diff.old.tokens[a].range] == diff.new.bytes[diff.new.tokens[b].range], sourceLocation: sourceLocation)
                    }
                }
                i = edit.old.upperBound
                j = edit.new.upperBound
            }
            #expect(i == oldTokens.upperBound && j == newTokens.upperBound, sourceLocation: sourceLocation)
        }
    }
    #expect(oldSeen.allSatisfy { $0 == 1 }, "an old sentence is in \(oldSeen.filter { $0 != 1 }) operations", sourceLocation: sourceLocation)
    #expect(newSeen.allSatisfy { $0 == 1 }, "a new sentence is in \(newSeen.filter { $0 != 1 }) operations", sourceLocation: sourceLocation)
}

/// The one operation that changed between `old` and `new` (the diff's invariants checked).
func onlyOperation(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> DiffOperation {
    let diff = VersionDiff(old: old, new: new)
    expectInvariants(diff, sourceLocation: sourceLocation)
    let changed = diff.operations.filter { $0.kind != .unchanged }
    try #require(changed.count == 1, sourceLocation: sourceLocation)
    return changed[0]
}
