/// A generated corpus and the passages planted in it: the ground truth of a reuse search.
public struct PlantedReuseCorpus: Sendable {
    public struct Document: Sendable {
        public var id: String
        public var text: String
        public var date: String
        public var source: String
    }

    /// One planted copy pair: passage `passage` at `bytesA` in document `a` and `bytesB` in `b`, `a < b`.
    public struct SharedPassage: Sendable, Hashable {
        public var passage: Int
        public var a: Int
        public var bytesA: Range<Int>
        public var b: Int
        public var bytesB: Range<Int>
    }

    public var documents: [Document]
    /// For each planted passage, its copies (the source's among them), by document.
    public var copies: [[(document: Int, bytes: Range<Int>)]]
    /// What each planted item is.
    public var kinds: [PlantedKind]

    /// Every pair of copies of every passage: what a search should report.
    public var sharedPassages: [SharedPassage] {
        copies.enumerated().flatMap { passage, copies in
            copies.indices.flatMap { x in
                copies.indices.filter { $0 > x && copies[$0].document != copies[x].document }.map { y in
                    SharedPassage(passage: passage, a: copies[x].document, bytesA: copies[x].bytes, b: copies[y].document, bytesB: copies[y].bytes)
                }
            }
        }
    }
}
