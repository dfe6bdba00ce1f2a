public import StemmaCore

/// The JSON form of a ``VersionDiff``: `stemma diff --format json`, schema version 1.
///
/// Ranges are half-open `[start, end]` pairs. Sentence ranges index each side's `sentences` array;
/// byte ranges index the UTF-8 bytes of each input. The schema only grows: fields may be added in
/// later versions, never renamed or removed without raising `schemaVersion`.
public struct DiffReport: Codable, Sendable {
    /// 2 added `piece` to the operations of a split or merge whose pieces are apart; a report of
    /// schema 1 reads as one without such operations.
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var old: Side
    public var new: Side
    public var summary: Summary
    public var operations: [Operation]
    /// Steps that rebuild the new text from the old: `{"copy": [start, end]}` copies old bytes,
    /// `{"insert": "text"}` inserts text. `stemma patch` applies it.
    public var editScript: [ScriptStep]

    public struct Side: Codable, Sendable {
        public var path: String
        public var bytes: Int
        /// The SHA-256 of the text, lowercase hex (`sha256sum` prints the same); absent in reports
        /// written before it was added, which `stemma patch` then checks by length only.
        public var sha256: String?
        /// The date of a leading `date YYYY-MM-DD` marker, when the text has one.
        public var date: String?
        public var sentences: [SentenceEntry]
    }

    public struct SentenceEntry: Codable, Sendable {
        public var range: [Int]
        public var paragraph: Int
        public var kind: Sentence.Kind
    }

    public struct Summary: Codable, Sendable {
        public var identical: Bool
        /// The number of operations of each kind.
        public var operations: [String: Int]
        /// The share of all sentences (old and new together) in operations of each kind.
        public var sentenceShares: [String: Double]
        /// Word 5-gram shingle Jaccard similarity.
        public var jaccard: Double
        public var containmentOldInNew: Double
        public var containmentNewInOld: Double
        /// How many invalid byte sequences `--lossy` replaced in each input.
        public var replacedInvalidSequences: [String: Int]?
    }

    public struct Operation: Codable, Sendable {
        public var kind: DiffOperation.Kind
        public var old: Span?
        public var new: Span?
        public var tags: [ChangeTag]
        public var details: ChangeDetails?
        public var words: [Word]?
        /// Which piece of a split or merge whose pieces are apart this is (schema 2).
        public var piece: Piece?
    }

    /// One piece of a split or merge whose pieces are apart: its place among them, from 0.
    public struct Piece: Codable, Sendable, Equatable {
        public var index: Int
        public var count: Int

        public init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }
    }

    /// One side of an operation: its sentences, bytes and text.
    public struct Span: Codable, Sendable {
        public var sentences: [Int]
        public var range: [Int]
        public var text: String
    }

    /// One run of the word diff; `old`/`new` are byte ranges, texts are given for the sides present.
    public struct Word: Codable, Sendable {
        public var op: WordEdit.Kind
        public var old: [Int]
        public var new: [Int]
        public var oldText: String?
        public var newText: String?
    }

    public enum ScriptStep: Codable, Sendable, Equatable {
        case copy([Int])
        case insert(String)

        enum CodingKeys: String, CodingKey { case copy, insert }

        /// A step is exactly one of `copy` (two offsets, in order) and `insert`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard container.allKeys.count == 1 else {
                throw DecodingError.dataCorruptedError(forKey: .copy, in: container,
                                                       debugDescription: "a step has exactly one of copy and insert")
            }
            if let range = try container.decodeIfPresent([Int].self, forKey: .copy) {
                guard range.count == 2, range[0] >= 0, range[0] <= range[1] else {
                    throw DecodingError.dataCorruptedError(forKey: .copy, in: container,
                                                           debugDescription: "copy takes [start, end] with 0 <= start <= end")
                }
                self = .copy(range)
            } else {
                self = .insert(try container.decode(String.self, forKey: .insert))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .copy(let range): try container.encode(range, forKey: .copy)
            case .insert(let text): try container.encode(text, forKey: .insert)
            }
        }
    }
}
