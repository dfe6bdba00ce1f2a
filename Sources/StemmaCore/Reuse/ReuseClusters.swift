/// A passage reused across several documents: every copy of it, and the copy most likely first.
public struct ReuseCluster: Sendable, Hashable {
    /// One document's copy of the passage.
    public struct Member: Sendable, Hashable {
        public var document: Int
        public var bytes: Range<Int>
        public var words: Range<Int>
    }

    /// Copies ordered by document, then position.
    public var members: [Member]
    /// The index in `members` of the likely source.
    public var source: Int
    /// Indices of the passages (pairs) that make up the cluster.
    public var passages: [Int]

    public var documentCount: Int { Set(members.map(\.document)).count }
}

extension ReuseCluster {
    /// Groups passages that share text: two copies in one document that overlap by more than half
    /// of the shorter are the same copy, and a passage joins its two copies (union-find, Tarjan
    /// 1975). Each group becomes a cluster.
    ///
    /// The likely source is the copy in the document with the earliest date (ISO 8601 strings
    /// compare in time order); among undated documents or equal dates, the longest copy, since
    /// later copies tend to be cut, and then the first in input order.
    public static func clusters(of passages: [ReusePassage], dates: [String?]) -> [ReuseCluster] {
        var spans: [(passage: Int, member: Member)] = []
        for (index, passage) in passages.enumerated() {
            spans.append((index, Member(document: passage.a, bytes: passage.bytesA, words: passage.wordsA)))
            spans.append((index, Member(document: passage.b, bytes: passage.bytesB, words: passage.wordsB)))
        }
        var sets = UnionFind(count: spans.count)
        for index in stride(from: 0, to: spans.count, by: 2) { sets.union(index, index + 1) }
        let order = spans.indices.sorted { (spans[$0].member.document, spans[$0].member.words.lowerBound) < (spans[$1].member.document, spans[$1].member.words.lowerBound) }
        var open: [Int] = []
        for index in order {
            let span = spans[index].member
            open.removeAll { spans[$0].member.document != span.document || spans[$0].member.words.upperBound <= span.words.lowerBound }
            for other in open where sameCopy(spans[other].member.words, span.words) { sets.union(other, index) }
            open.append(index)
        }
        var groups: [Int: [Int]] = [:]
        for index in order { groups[sets.find(index), default: []].append(index) }
        return groups.values.map { group in
            cluster(of: group.map { spans[$0] }, dates: dates)
        }.sorted { x, y in
            if x.documentCount != y.documentCount { return x.documentCount > y.documentCount }
            return (x.members[0].document, x.members[0].words.lowerBound) < (y.members[0].document, y.members[0].words.lowerBound)
        }
    }

    private static func sameCopy(_ x: Range<Int>, _ y: Range<Int>) -> Bool {
        let shared = max(0, min(x.upperBound, y.upperBound) - max(x.lowerBound, y.lowerBound))
        return 2 * shared > min(x.count, y.count)
    }

    /// Merges the overlapping copies of a group, given in document and position order.
    private static func cluster(of spans: [(passage: Int, member: Member)], dates: [String?]) -> ReuseCluster {
        var members: [Member] = []
        for (_, span) in spans {
            if let last = members.last, last.document == span.document, last.words.upperBound > span.words.lowerBound {
                members[members.count - 1].words = last.words.lowerBound..<max(last.words.upperBound, span.words.upperBound)
                members[members.count - 1].bytes = last.bytes.lowerBound..<max(last.bytes.upperBound, span.bytes.upperBound)
            } else {
                members.append(span)
            }
        }
        let source = members.indices.min { x, y in
            let dateX = dates[members[x].document], dateY = dates[members[y].document]
            if dateX != dateY {
                guard let dateX else { return false }
                guard let dateY else { return true }
                return dateX < dateY
            }
            if members[x].words.count != members[y].words.count { return members[x].words.count > members[y].words.count }
            return x < y
        } ?? 0
        return ReuseCluster(members: members, source: source, passages: Array(Set(spans.map(\.passage))).sorted())
    }
}
