public import Foundation

/// One hand-checked pair of versions and every sentence operation a careful editor would give it,
/// read from a file of `Benchmarks/diff-gold/` (the format is in that folder's README).
///
/// Operations quote their sentences as text, not by index, so that the gold set does not depend on
/// any sentence splitter: ``score(_:)`` locates them in the texts and compares the diff's sentences
/// with them by text and by byte overlap.
///
/// ```swift
/// let gold = try DiffGold.load(from: DiffGold.directory.appendingPathComponent("01-ap-credit-line.json"))
/// let score = try gold.score(DiffGold.predictions(of: VersionDiff(old: gold.old, new: gold.new)))
/// score.exactShare  // share of the gold operations the diff gives exactly
/// ```
public struct DiffGold: Sendable, Hashable, Codable {
    /// One operation: its kind and tags as `stemma diff --format json` spells them, and the
    /// sentences of each side as they appear in the texts.
    public struct Operation: Sendable, Hashable, Codable {
        public var kind: String
        public var old: [String]
        public var new: [String]
        public var tags: [String]

        public init(kind: String, old: [String] = [], new: [String] = [], tags: [String] = []) {
            self.kind = kind
            self.old = old
            self.new = new
            self.tags = tags
        }
    }

    public var name: String
    /// What the pair tests.
    public var note: String
    public var old: String
    public var new: String
    public var operations: [Operation]

    public init(name: String, note: String = "", old: String, new: String, operations: [Operation]) {
        self.name = name
        self.note = note
        self.old = old
        self.new = new
        self.operations = operations
    }

    /// A gold file that cannot be read or does not fit its own texts.
    public struct FileError: Error, CustomStringConvertible {
        public var file: String
        public var reason: String

        public var description: String { "\(file): \(reason)" }
    }

    /// `Benchmarks/diff-gold/` in the package.
    public static let directory: URL = Fixtures.packageRoot.appendingPathComponent("Benchmarks/diff-gold")

    /// Reads one gold file.
    ///
    /// - Throws: ``FileError`` when it is missing or is not a gold pair.
    public static func load(from url: URL) throws -> DiffGold {
        do {
            return try JSONDecoder().decode(DiffGold.self, from: Data(contentsOf: url))
        } catch {
            throw FileError(file: url.lastPathComponent, reason: "\(error)")
        }
    }

    /// Every `*.json` gold file of a directory, sorted by file name.
    ///
    /// - Throws: ``FileError`` when the directory or one of its files cannot be read.
    public static func loadAll(in directory: URL = directory) throws -> [DiffGold] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw FileError(file: directory.path, reason: "not a readable directory")
        }
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { try load(from: directory.appendingPathComponent($0)) }
    }
}
