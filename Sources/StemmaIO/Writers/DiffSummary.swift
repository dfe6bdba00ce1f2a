public import StemmaCore

/// What a diff changed, counted: operations by kind and tags by how many operations carry them,
/// for one-line summaries (match results, history entries).
public struct DiffSummary: Sendable, Equatable {
    /// Operations by kind, unchanged sentences included.
    public var operations: [DiffOperation.Kind: Int] = [:]
    public var tags: [ChangeTag: Int] = [:]

    public init(operations: [DiffOperation.Kind: Int], tags: [ChangeTag: Int]) {
        self.operations = operations
        self.tags = tags
    }

    public init(_ diff: VersionDiff) {
        // A split or merge whose pieces are apart counts once (its tags are on its first piece).
        for operation in diff.operations where (operation.piece?.index ?? 0) == 0 {
            operations[operation.kind, default: 0] += 1
            for tag in operation.tags { tags[tag, default: 0] += 1 }
        }
    }

    /// Whether any sentence changed.
    public var hasChanges: Bool { operations.contains { $0.key != .unchanged && $0.value > 0 } }

    /// "2 edited, 1 added · numbers-changed ×1", or "no changes"; in the order of the kinds and
    /// tags, unchanged sentences left out.
    public var line: String {
        let counts = DiffOperation.Kind.allCases.compactMap { kind -> String? in
            guard kind != .unchanged, let count = operations[kind], count > 0 else { return nil }
            return "\(count) \(kind.rawValue)"
        }
        guard !counts.isEmpty else { return "no changes" }
        let tagged = ChangeTag.allCases.compactMap { tag in tags[tag].map { "\(tag.rawValue) ×\($0)" } }
        return counts.joined(separator: ", ") + (tagged.isEmpty ? "" : " · " + tagged.joined(separator: ", "))
    }
}
