public import StemmaCore

/// A piece of one side of an operation, marked as kept, removed or inserted.
public struct MarkedSegment: Sendable, Hashable {
    public enum Mark: Sendable, Hashable { case kept, removed, inserted }
    public var text: String
    public var mark: Mark
}

/// Cuts one side of an operation into marked segments, for the terminal and HTML renderers.
public enum MarkedText {
    public enum Side: Sendable { case old, new }

    /// The text of one side of an operation, with the words the diff changed marked.
    public static func segments(of operation: DiffOperation, side: Side, in diff: VersionDiff) -> [MarkedSegment] {
        let text = side == .old ? diff.old : diff.new
        let sentences = side == .old ? operation.old : operation.new
        guard let first = sentences.first, let last = sentences.last else { return [] }
        let bytes = text.sentences[first].range.lowerBound..<text.sentences[last].range.upperBound
        switch operation.kind {
        case .unchanged: return [MarkedSegment(text: text.string(bytes), mark: .kept)]
        case .added: return [MarkedSegment(text: text.string(bytes), mark: .inserted)]
        case .deleted: return [MarkedSegment(text: text.string(bytes), mark: .removed)]
        default: break
        }
        var segments: [MarkedSegment] = []
        var cursor = bytes.lowerBound
        func append(_ range: Range<Int>, _ mark: MarkedSegment.Mark) {
            guard !range.isEmpty else { return }
            if let last = segments.last, last.mark == mark {
                segments[segments.count - 1].text += text.string(range)
            } else {
                segments.append(MarkedSegment(text: text.string(range), mark: mark))
            }
        }
        let changedMark: MarkedSegment.Mark = side == .old ? .removed : .inserted
        for edit in operation.words {
            let tokens = side == .old ? edit.old : edit.new
            guard !tokens.isEmpty else { continue }
            let range = TokenSpan.bytes(of: tokens, in: text)
            append(cursor..<range.lowerBound, .kept)
            append(range, edit.kind == .equal ? .kept : changedMark)
            cursor = range.upperBound
        }
        append(cursor..<bytes.upperBound, .kept)
        return segments
    }
}
