import Foundation

extension DiffGold {
    /// A sentence of one side: its text without surrounding whitespace, and its UTF-8 byte range in
    /// that side's text (the ranges `AnalyzedText` reports).
    public struct Sentence: Sendable, Hashable {
        public var text: String
        public var bytes: Range<Int>

        public init(text: String, bytes: Range<Int>) {
            self.text = text
            self.bytes = bytes
        }
    }

    /// An operation whose sentences are located in the texts: a gold one, or one a diff predicted.
    public struct LocatedOperation: Sendable, Hashable {
        public var kind: String
        public var old: [Sentence]
        public var new: [Sentence]
        public var tags: Set<String>

        public init(kind: String, old: [Sentence] = [], new: [Sentence] = [], tags: Set<String> = []) {
            self.kind = kind
            self.old = old
            self.new = new
            self.tags = tags
        }

        /// What exact matching compares: the kind and each side's texts as a multiset.
        var shape: Shape { Shape(kind: kind, old: old.map(\.text).sorted(), new: new.map(\.text).sorted()) }

        struct Shape: Hashable {
            var kind: String
            var old: [String]
            var new: [String]
        }
    }

    /// The gold operations with every quoted sentence located in its side's text.
    ///
    /// The quoted sentences of a side must tile its text: read from the start, skipping whitespace,
    /// each stretch of text is one quoted sentence (the longest that fits when several do), and every
    /// quoted sentence is used once. That is what "every sentence of the text is in exactly one
    /// operation" means without trusting any sentence splitter.
    ///
    /// - Throws: ``FileError`` naming the first stretch of text no operation quotes, or the first
    ///   quoted sentence that is not where the text has it.
    public func locatedOperations() throws -> [LocatedOperation] {
        let oldRanges = try Self.tile(operations.map(\.old), in: old, side: "old", file: name)
        let newRanges = try Self.tile(operations.map(\.new), in: new, side: "new", file: name)
        return operations.indices.map { index in
            let operation = operations[index]
            return LocatedOperation(
                kind: operation.kind,
                old: zip(operation.old, oldRanges[index]).map { Sentence(text: Self.trimmed($0), bytes: $1) },
                new: zip(operation.new, newRanges[index]).map { Sentence(text: Self.trimmed($0), bytes: $1) },
                tags: Set(operation.tags)
            )
        }
    }

    /// For each operation's list of sentences, their byte ranges in `text`.
    static func tile(_ quoted: [[String]], in text: String, side: String, file: String) throws -> [[Range<Int>]] {
        let bytes = Array(text.utf8)
        // Every quoted sentence, by operation and position, still waiting for its place.
        var pending: [(operation: Int, position: Int, bytes: [UInt8])] = []
        for (operation, sentences) in quoted.enumerated() {
            for (position, sentence) in sentences.enumerated() {
                let trimmed = Array(trimmed(sentence).utf8)
                guard !trimmed.isEmpty else {
                    throw FileError(file: file, reason: "operation \(operation + 1) quotes an empty \(side) sentence")
                }
                pending.append((operation, position, trimmed))
            }
        }
        var ranges = quoted.map { [Range<Int>](repeating: 0..<0, count: $0.count) }
        var start = 0
        while true {
            while start < bytes.count, isSpace(bytes, at: start) { start += isNoBreakSpace(bytes, at: start) ? 2 : 1 }
            guard start < bytes.count else { break }
            let fitting = pending.indices.filter { bytes[start...].starts(with: pending[$0].bytes) }
            guard let chosen = fitting.max(by: { pending[$0].bytes.count < pending[$1].bytes.count }) else {
                let snippet = String(decoding: bytes[start..<min(bytes.count, start + 60)], as: UTF8.self)
                throw FileError(file: file, reason: "\(side) text at byte \(start) («\(snippet)…») is in no operation")
            }
            let sentence = pending.remove(at: chosen)
            ranges[sentence.operation][sentence.position] = start..<(start + sentence.bytes.count)
            start += sentence.bytes.count
        }
        if let left = pending.first {
            throw FileError(
                file: file,
                reason: "operation \(left.operation + 1) quotes an \(side) sentence that is not where its text has it (or is quoted twice): «\(String(decoding: left.bytes, as: UTF8.self))»"
            )
        }
        return ranges
    }

    /// The text without surrounding spaces and line breaks, as every comparison sees it.
    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isSpace(_ bytes: [UInt8], at index: Int) -> Bool {
        [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) || isNoBreakSpace(bytes, at: index)
    }

    /// U+00A0, which web pages put between sentences as often as inside them.
    private static func isNoBreakSpace(_ bytes: [UInt8], at index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index] == 0xC2 && bytes[index + 1] == 0xA0
    }
}
