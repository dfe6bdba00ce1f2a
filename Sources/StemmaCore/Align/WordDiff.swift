/// A word-level diff between token ranges of two texts, cleaned up to read like an editor's marks.
///
/// Tokens are matched on their normalized keys with ``SequenceMatcher`` (Myers, or patience anchors
/// on long inputs). Matched tokens whose bytes differ become replacements, so an equal run is always
/// byte-identical. Then short equalities trapped between changes are folded into them, the idea of
/// diff-match-patch's `diff_cleanupSemantic` measured in tokens: an equality no longer than the
/// changes on both sides of it, or one made of punctuation only, is noise to a reader.
///
/// ```swift
/// let edits = WordDiff.edits(old, old.sentences[3].tokens, new, new.sentences[4].tokens)
/// ```
public enum WordDiff {
    /// The edits that turn the old tokens into the new ones, covering both ranges in order.
    public static func edits(
        _ old: AnalyzedText, _ oldTokens: Range<Int>,
        _ new: AnalyzedText, _ newTokens: Range<Int>
    ) -> [WordEdit] {
        let oldKeys = old.tokens[oldTokens].map(\.key)
        let newKeys = new.tokens[newTokens].map(\.key)
        let matches = SequenceMatcher.matches(oldKeys[...], newKeys[...])
        var raw: [WordEdit] = []
        var i = 0, j = 0
        func appendChange(toOld endI: Int, toNew endJ: Int) {
            guard endI > i || endJ > j else { return }
            raw.append(.change(old: (oldTokens.lowerBound + i)..<(oldTokens.lowerBound + endI),
                               new: (newTokens.lowerBound + j)..<(newTokens.lowerBound + endJ)))
        }
        for (mi, mj) in matches {
            appendChange(toOld: mi, toNew: mj)
            let oi = oldTokens.lowerBound + mi, nj = newTokens.lowerBound + mj
            let identical = old.bytes[old.tokens[oi].range].elementsEqual(new.bytes[new.tokens[nj].range])
            raw.append(WordEdit(kind: identical ? .equal : .replace, old: oi..<(oi + 1), new: nj..<(nj + 1)))
            i = mi + 1
            j = mj + 1
        }
        appendChange(toOld: oldKeys.count, toNew: newKeys.count)
        return cleanedUp(coalesced(raw), old: old, new: new)
    }

    /// Joins neighbouring runs of the same kind, and neighbouring changes into one.
    static func coalesced(_ edits: [WordEdit]) -> [WordEdit] {
        var result: [WordEdit] = []
        for edit in edits {
            guard let last = result.last, last.old.upperBound == edit.old.lowerBound,
                last.new.upperBound == edit.new.lowerBound,
                (last.kind == .equal) == (edit.kind == .equal)
            else {
                result.append(edit)
                continue
            }
            let old = last.old.lowerBound..<edit.old.upperBound, new = last.new.lowerBound..<edit.new.upperBound
            result[result.count - 1] = edit.kind == .equal ? WordEdit(kind: .equal, old: old, new: new) : .change(old: old, new: new)
        }
        return result
    }

    /// Folds short equalities between changes into the changes, until nothing changes.
    static func cleanedUp(_ edits: [WordEdit], old: AnalyzedText, new: AnalyzedText) -> [WordEdit] {
        var edits = edits
        var changed = true
        while changed {
            changed = false
            for index in edits.indices.dropFirst().dropLast() where edits[index].kind == .equal {
                let before = edits[index - 1], after = edits[index + 1]
                guard before.kind != .equal, after.kind != .equal else { continue }
                let equality = edits[index].old
                let words = old.tokens[equality].lazy.filter(\.isWordLike).count
                let beforeSize = max(before.old.count, before.new.count)
                let afterSize = max(after.old.count, after.new.count)
                if words == 0 || (equality.count <= beforeSize && equality.count <= afterSize) {
                    edits[index] = .change(old: edits[index].old, new: edits[index].new)
                    changed = true
                }
            }
            if changed { edits = coalesced(edits) }
        }
        return edits
    }
}
