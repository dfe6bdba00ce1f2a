extension VersionDiff {
    /// The byte-level script that rebuilds the new text from the old one using this diff's
    /// operations: unchanged sentences and equal words are copied from the old text, everything
    /// else is inserted.
    public func editScript() -> EditScript {
        var script = EditScript()
        var cursor = 0  // bytes of the new text written so far
        var previousOld: Range<Int>?  // old sentences of the previous matched operation
        // The merged sentence that the pieces of a merge apart share is written by the first piece.
        for operation in operations where !operation.new.isEmpty && !(operation.kind == .merged && (operation.piece?.index ?? 0) > 0) {
            let newBytes = Self.bytes(of: operation.new, in: new)
            appendGap(cursor..<newBytes.lowerBound, before: operation, after: previousOld, to: &script)
            switch operation.kind {
            case .added:
                script.insert(new.bytes[newBytes])
            case .unchanged:
                script.copy(Self.bytes(of: operation.old, in: old))
            default:
                appendWords(operation.words, to: &script)
            }
            cursor = newBytes.upperBound
            previousOld = operation.old.isEmpty ? nil : operation.old
        }
        script.insert(new.bytes[cursor...])
        return script
    }

    /// The whitespace between two sentences: copied when the old text has the same whitespace
    /// between the same two sentences.
    private func appendGap(_ gap: Range<Int>, before operation: DiffOperation, after previousOld: Range<Int>?, to script: inout EditScript) {
        if let previous = previousOld, let next = operation.old.first, previous.upperBound == next {
            let oldGap = old.sentences[next - 1].range.upperBound..<old.sentences[next].range.lowerBound
            if old.bytes[oldGap].elementsEqual(new.bytes[gap]) {
                script.copy(oldGap)
                return
            }
        }
        script.insert(new.bytes[gap])
    }

    /// Token by token: equal tokens and the equal whitespace between them are copied.
    private func appendWords(_ words: [WordEdit], to script: inout EditScript) {
        var sourceOfNew: [Int: Int] = [:]  // new token index -> old token index, for equal runs
        for edit in words where edit.kind == .equal {
            for (i, j) in zip(edit.old, edit.new) { sourceOfNew[j] = i }
        }
        guard let first = words.first?.new.lowerBound, let last = words.last?.new.upperBound, first < last else { return }
        for j in first..<last {
            if j > first {
                let gap = new.tokens[j - 1].range.upperBound..<new.tokens[j].range.lowerBound
                if let i = sourceOfNew[j], let previous = sourceOfNew[j - 1], previous == i - 1,
                    case let oldGap = old.tokens[i - 1].range.upperBound..<old.tokens[i].range.lowerBound,
                    old.bytes[oldGap].elementsEqual(new.bytes[gap])
                {
                    script.copy(oldGap)
                } else {
                    script.insert(new.bytes[gap])
                }
            }
            if let i = sourceOfNew[j] {
                script.copy(old.tokens[i].range)
            } else {
                script.insert(new.bytes[new.tokens[j].range])
            }
        }
    }
}
