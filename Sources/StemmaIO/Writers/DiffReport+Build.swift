public import StemmaCore

extension DiffReport {
    /// The report of a diff between two named inputs.
    public init(_ diff: VersionDiff, oldPath: String, newPath: String, replacedInvalidSequences: [String: Int]? = nil) {
        schemaVersion = Self.currentSchemaVersion
        old = Side(diff.old, path: oldPath)
        new = Side(diff.new, path: newPath)
        var counts: [String: Int] = [:]
        var shares: [String: Double] = [:]
        let sentenceShares = diff.sentenceShares
        for kind in DiffOperation.Kind.allCases {
            counts[kind.rawValue] = diff.count(of: kind)
            shares[kind.rawValue] = sentenceShares[kind] ?? 0
        }
        let overlap = diff.overlap
        summary = Summary(
            identical: diff.isIdentical, operations: counts, sentenceShares: shares,
            jaccard: overlap.jaccard, containmentOldInNew: overlap.containmentOfOldInNew,
            containmentNewInOld: overlap.containmentOfNewInOld,
            replacedInvalidSequences: replacedInvalidSequences)
        operations = diff.operations.map { Operation($0, in: diff) }
        editScript = diff.editScript().steps.map { step in
            switch step {
            case .copy(let range): return .copy([range.lowerBound, range.upperBound])
            case .insert(let bytes): return .insert(String(decoding: bytes, as: UTF8.self))
            }
        }
    }

    /// The new text rebuilt from `old`, checked against what the report records of both texts.
    ///
    /// - Throws: ``ReadError`` naming `oldPath` when `old` is not the text the report was made from
    ///   (length, then SHA-256 when recorded), or `reportPath` when the script does not rebuild the
    ///   recorded new text; nothing is returned then.
    public func rebuild(from old: [UInt8], oldPath: String, reportPath: String) throws -> [UInt8] {
        guard old.count == self.old.bytes else {
            throw ReadError(file: oldPath, reason: .malformed("has \(old.count) bytes but the report was made from a text of \(self.old.bytes) bytes"))
        }
        if let expected = self.old.sha256, expected != SHA256Digest.hex(of: old) {
            throw ReadError(file: oldPath, reason: .malformed("is not the text the report was made from (its SHA-256 differs)"))
        }
        guard let rebuilt = applyEditScript(to: old) else {
            throw ReadError(file: reportPath, reason: .malformed("edit script copies bytes outside the old text"))
        }
        guard rebuilt.count == new.bytes else {
            throw ReadError(file: reportPath, reason: .malformed("edit script makes \(rebuilt.count) bytes, the report says \(new.bytes)"))
        }
        if let expected = new.sha256, expected != SHA256Digest.hex(of: rebuilt) {
            throw ReadError(file: reportPath, reason: .malformed("edit script does not rebuild the new text (its SHA-256 differs)"))
        }
        return rebuilt
    }

    /// Applies the edit script to the old text's bytes; nil if a copy reaches outside them.
    public func applyEditScript(to old: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        for step in editScript {
            switch step {
            case .copy(let range):
                guard range.count == 2, range[0] >= 0, range[0] <= range[1], range[1] <= old.count else { return nil }
                result.append(contentsOf: old[range[0]..<range[1]])
            case .insert(let text):
                result.append(contentsOf: text.utf8)
            }
        }
        return result
    }
}

extension DiffReport.Side {
    init(_ text: AnalyzedText, path: String) {
        self.path = path
        bytes = text.bytes.count
        sha256 = SHA256Digest.hex(of: text.bytes)
        date = text.markerDate
        sentences = text.sentences.map {
            DiffReport.SentenceEntry(range: [$0.range.lowerBound, $0.range.upperBound], paragraph: $0.paragraph, kind: $0.kind)
        }
    }
}

extension DiffReport.Operation {
    init(_ operation: DiffOperation, in diff: VersionDiff) {
        kind = operation.kind
        old = operation.old.isEmpty ? nil : DiffReport.Span(operation.old, in: diff.old)
        new = operation.new.isEmpty ? nil : DiffReport.Span(operation.new, in: diff.new)
        tags = operation.tags
        details = operation.details.isEmpty ? nil : operation.details
        piece = operation.piece.map { DiffReport.Piece(index: $0.index, count: $0.count) }
        guard operation.kind != .added, operation.kind != .deleted, operation.kind != .unchanged else {
            words = nil
            return
        }
        words = operation.words.map { DiffReport.Word($0, in: diff) }
    }
}

extension DiffReport.Span {
    init(_ sentences: Range<Int>, in text: AnalyzedText) {
        self.sentences = [sentences.lowerBound, sentences.upperBound]
        let first = text.sentences[sentences.lowerBound].range.lowerBound
        let last = text.sentences[sentences.upperBound - 1].range.upperBound
        range = [first, last]
        self.text = text.string(first..<last)
    }
}

extension DiffReport.Word {
    init(_ edit: WordEdit, in diff: VersionDiff) {
        op = edit.kind
        let oldBytes = TokenSpan.bytes(of: edit.old, in: diff.old)
        let newBytes = TokenSpan.bytes(of: edit.new, in: diff.new)
        old = [oldBytes.lowerBound, oldBytes.upperBound]
        new = [newBytes.lowerBound, newBytes.upperBound]
        oldText = edit.old.isEmpty ? nil : diff.old.string(oldBytes)
        newText = edit.kind == .equal || edit.new.isEmpty ? nil : diff.new.string(newBytes)
    }
}

/// Byte ranges of token ranges.
package enum TokenSpan {
    /// The bytes from the first token's start to the last token's end; for an empty token range,
    /// the empty range at the end of the token before it (or the start of the token at it).
    package static func bytes(of tokens: Range<Int>, in text: AnalyzedText) -> Range<Int> {
        if let first = tokens.first, let last = tokens.last {
            return text.tokens[first].range.lowerBound..<text.tokens[last].range.upperBound
        }
        let position =
            tokens.lowerBound > 0 ? text.tokens[tokens.lowerBound - 1].range.upperBound
            : text.tokens.first?.range.lowerBound ?? 0
        return position..<position
    }
}
