/// What changed between two versions of a text: sentence operations, word edits, tags and scores.
///
/// ```swift
/// let diff = VersionDiff(old: "Russia and Ukraine on Wednesday agreed to talks.",
///                        new: "Russia and Ukraine agreed to talks.")
/// diff.operations[0].kind   // .edited
/// diff.operations[0].tags   // [.timeWordsRemoved]
/// diff.editScript().apply(to: diff.old.bytes) == diff.new.bytes  // true
/// ```
///
/// - Complexity: near-linear in the length of the texts when most sentences are unchanged (see
///   ``SentenceAligner``); each changed group costs the word diff of its tokens.
public struct VersionDiff: Sendable {
    public let old: AnalyzedText
    public let new: AnalyzedText
    /// Every sentence of both texts in exactly one operation, in reading order of the new text, with
    /// deletions where they stood.
    public let operations: [DiffOperation]

    public init(old: AnalyzedText, new: AnalyzedText, aligner: SentenceAligner = SentenceAligner()) {
        self.old = old
        self.new = new
        let groups = aligner.align(old, with: new)
        let names = (old: NameIndex(old), new: NameIndex(new))
        // Long documents have thousands of groups; their word diffs are independent.
        var operations = ParallelMap.map(groups, minimumCount: 4_096) { Self.operation(for: $0, old: old, new: new, names: names) }
        Self.tagPiecesApart(&operations, groups: groups, old: old, new: new, names: names)
        self.operations = operations
    }

    /// Word 5-gram shingle overlap of the two texts, computed on each access: the diff itself does
    /// not need it.
    ///
    /// - Complexity: O(*n*) in the number of words.
    public var overlap: ShingleOverlap {
        ShingleOverlap(old: Shingles.hashes(of: old.tokens, count: 5), new: Shingles.hashes(of: new.tokens, count: 5))
    }

    public init(old: String, new: String) {
        self.init(oldBytes: Array(old.utf8), newBytes: Array(new.utf8))
    }

    /// The diff of two valid UTF-8 texts; long texts are analyzed on two cores at once.
    public init(oldBytes: [UInt8], newBytes: [UInt8], aligner: SentenceAligner = SentenceAligner()) {
        if oldBytes.count + newBytes.count >= 1 << 18 {
            let (old, new) = ParallelMap.both({ AnalyzedText(bytes: oldBytes) }, { AnalyzedText(bytes: newBytes) })
            self.init(old: old, new: new, aligner: aligner)
        } else {
            self.init(old: AnalyzedText(bytes: oldBytes), new: AnalyzedText(bytes: newBytes), aligner: aligner)
        }
    }

    /// Whether the two texts are byte for byte the same.
    public var isIdentical: Bool { old.bytes == new.bytes }

    /// The number of operations of a kind; a split or merge whose pieces are apart counts once.
    public func count(of kind: DiffOperation.Kind) -> Int {
        operations.lazy.filter { $0.kind == kind && ($0.piece?.index ?? 0) == 0 }.count
    }

    /// For each kind, the share of all sentences (old and new together) in operations of that kind.
    public var sentenceShares: [DiffOperation.Kind: Double] {
        let total = Double(old.sentences.count + new.sentences.count)
        var shares: [DiffOperation.Kind: Double] = [:]
        for kind in DiffOperation.Kind.allCases { shares[kind] = 0 }
        guard total > 0 else { return shares }
        for operation in operations {
            // The sentence that pieces apart share counts once, with the first piece.
            let shared = operation.piece.map { $0.index == 0 ? 0 : 1 } ?? 0
            shares[operation.kind, default: 0] += Double(operation.old.count + operation.new.count - shared) / total
        }
        return shares
    }

    /// The token range covered by a range of sentences.
    static func tokens(of sentences: Range<Int>, in text: AnalyzedText) -> Range<Int> {
        guard let first = sentences.first, let last = sentences.last else { return 0..<0 }
        return text.sentences[first].tokens.lowerBound..<text.sentences[last].tokens.upperBound
    }

    /// The byte range covered by a range of sentences.
    static func bytes(of sentences: Range<Int>, in text: AnalyzedText) -> Range<Int> {
        guard let first = sentences.first, let last = sentences.last else { return 0..<0 }
        return text.sentences[first].range.lowerBound..<text.sentences[last].range.upperBound
    }

    static func operation(for group: SentenceGroup, old: AnalyzedText, new: AnalyzedText, names: (old: NameIndex, new: NameIndex)) -> DiffOperation {
        if group.old.isEmpty { return DiffOperation(kind: .added, old: group.old, new: group.new) }
        if group.new.isEmpty { return DiffOperation(kind: .deleted, old: group.old, new: group.new) }
        let oldTokens = tokens(of: group.old, in: old), newTokens = tokens(of: group.new, in: new)
        let identical = old.bytes[bytes(of: group.old, in: old)].elementsEqual(new.bytes[bytes(of: group.new, in: new)])
        let kind: DiffOperation.Kind =
            group.piece?.kind == .split ? .split
            : group.piece?.kind == .merge ? .merged
            : group.isMoved ? .moved
            : group.old.count > 1 ? .merged
            : group.new.count > 1 ? .split
            : identical ? .unchanged : .edited
        if identical {
            let words = [WordEdit(kind: .equal, old: oldTokens, new: newTokens)]
            return DiffOperation(kind: kind, old: group.old, new: group.new, words: words, piece: group.piece)
        }
        let words = WordDiff.edits(old, oldTokens, new, newTokens)
        // A piece apart is tagged with its other pieces, below.
        guard group.piece == nil else { return DiffOperation(kind: kind, old: group.old, new: group.new, words: words, piece: group.piece) }
        let classifier = ChangeClassifier(old: old, new: new, oldSentences: group.old, newSentences: group.new, edits: words, names: names)
        let (tags, details) = classifier.classify()
        return DiffOperation(kind: kind, old: group.old, new: group.new, words: words, tags: tags, details: details)
    }

    /// The sentence that the pieces of a split or merge apart share, on its side.
    struct SharedSentence: Hashable {
        var kind: SentenceGroup.Piece.Kind
        var sentences: Range<Int>
    }

    /// Tags each split or merge whose pieces are apart as one change, on its first piece: its
    /// pieces are joined into one text and compared with the sentence they share, so that a
    /// figure or a name that went to the other piece is neither removed nor added.
    static func tagPiecesApart(_ operations: inout [DiffOperation], groups: [SentenceGroup], old: AnalyzedText, new: AnalyzedText,
                               names: (old: NameIndex, new: NameIndex)) {
        // The shared sentence (old for a split, new for a merge) -> its pieces' operations.
        var pieces: [SharedSentence: [Int]] = [:]
        for (index, group) in groups.enumerated() {
            guard let piece = group.piece else { continue }
            pieces[SharedSentence(kind: piece.kind, sentences: piece.kind == .split ? group.old : group.new), default: []].append(index)
        }
        for (key, members) in pieces {
            let (kind, shared) = (key.kind, key.sentences)
            let ordered = members.sorted { (groups[$0].piece?.index ?? 0) < (groups[$1].piece?.index ?? 0) }
            let side = kind == .split ? new : old
            let joined = ordered.map { Array(side.bytes[bytes(of: kind == .split ? groups[$0].new : groups[$0].old, in: side)]) }
            let whole = AnalyzedText(bytes: Array(joined.joined(separator: Array(" ".utf8))))
            let sharedText = kind == .split ? old : new
            let sharedTokens = tokens(of: shared, in: sharedText)
            let allTokens = 0..<whole.tokens.count, allSentences = 0..<whole.sentences.count
            let classifier = kind == .split
                ? ChangeClassifier(old: old, new: whole, oldSentences: shared, newSentences: allSentences,
                                   edits: WordDiff.edits(old, sharedTokens, whole, allTokens), names: names)
                : ChangeClassifier(old: whole, new: new, oldSentences: allSentences, newSentences: shared,
                                   edits: WordDiff.edits(whole, allTokens, new, sharedTokens), names: names)
            (operations[ordered[0]].tags, operations[ordered[0]].details) = classifier.classify()
        }
    }
}
