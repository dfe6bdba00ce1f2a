public import StemmaCore

extension DiffGold {
    /// The operations of a diff, one for one, with their sentences' texts (trimmed of surrounding
    /// whitespace) and byte ranges, and kinds and tags spelled as in the JSON report.
    public static func predictions(of diff: VersionDiff) -> [LocatedOperation] {
        diff.operations.map { operation in
            LocatedOperation(
                kind: operation.kind.rawValue,
                old: operation.old.map { sentence(diff.old.sentences[$0], in: diff.old) },
                new: operation.new.map { sentence(diff.new.sentences[$0], in: diff.new) },
                tags: Set(operation.tags.map(\.rawValue))
            )
        }
    }

    /// Predicted operations as the scorer compares them with gold ones.
    ///
    /// Two rules make the comparison independent of how a diff chooses to represent things:
    /// - operations that share a sentence of the same side are joined into one, so that a split
    ///   whose pieces land apart (or a merge of sentences far apart) may come as several operations
    ///   naming the same old (or new) sentence. The joined kind is `split` if any part is a split,
    ///   else `merged` if any part is a merge, else the first part's; its tags are the union;
    /// - `added` and `deleted` operations count one per sentence, as the gold set lists them (gold
    ///   operations are cut the same way).
    static func normalized(_ operations: [LocatedOperation]) -> [LocatedOperation] {
        perSentence(joined(operations))
    }

    static func sentence(_ sentence: StemmaCore.Sentence, in text: AnalyzedText) -> Sentence {
        Sentence(text: trimmed(text.string(of: sentence)), bytes: sentence.range)
    }

    /// Operations that share a sentence joined into one, in the order of their first part.
    static func joined(_ operations: [LocatedOperation]) -> [LocatedOperation] {
        var parent = Array(operations.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        func join(_ a: Int, _ b: Int) {
            let (rootA, rootB) = (root(a), root(b))
            parent[rootA] = rootB
        }
        var ownerOld: [Range<Int>: Int] = [:], ownerNew: [Range<Int>: Int] = [:]
        for (index, operation) in operations.enumerated() {
            for sentence in operation.old {
                if let other = ownerOld[sentence.bytes] { join(index, other) } else { ownerOld[sentence.bytes] = index }
            }
            for sentence in operation.new {
                if let other = ownerNew[sentence.bytes] { join(index, other) } else { ownerNew[sentence.bytes] = index }
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in operations.indices { groups[root(index), default: []].append(index) }
        return groups.values.sorted { $0[0] < $1[0] }.map { members in
            let parts = members.map { operations[$0] }
            guard parts.count > 1 else { return parts[0] }
            let kinds = Set(parts.map(\.kind))
            let kind = kinds.contains("split") ? "split" : kinds.contains("merged") ? "merged" : parts[0].kind
            return LocatedOperation(
                kind: kind,
                old: unique(parts.flatMap(\.old)),
                new: unique(parts.flatMap(\.new)),
                tags: parts.reduce(into: Set<String>()) { $0.formUnion($1.tags) }
            )
        }
    }

    /// `added` and `deleted` operations cut into one per sentence, each with the operation's tags.
    static func perSentence(_ operations: [LocatedOperation]) -> [LocatedOperation] {
        operations.flatMap { operation -> [LocatedOperation] in
            switch operation.kind {
            case "added" where operation.new.count > 1:
                return operation.new.map { LocatedOperation(kind: operation.kind, new: [$0], tags: operation.tags) }
            case "deleted" where operation.old.count > 1:
                return operation.old.map { LocatedOperation(kind: operation.kind, old: [$0], tags: operation.tags) }
            default:
                return [operation]
            }
        }
    }

    private static func unique(_ sentences: [Sentence]) -> [Sentence] {
        var seen = Set<Range<Int>>()
        return sentences.filter { seen.insert($0.bytes).inserted }.sorted { $0.bytes.lowerBound < $1.bytes.lowerBound }
    }
}
