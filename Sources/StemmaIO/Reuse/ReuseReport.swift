public import StemmaCore

/// The passages and clusters a reuse search found, with the documents they point into: what the
/// JSON, HTML and terminal writers render.
public struct ReuseReport: Sendable {
    /// A searched document: its id, date and text.
    public struct Document: Sendable {
        public var id: String
        public var date: String?
        public var text: ReuseText

        public init(id: String, date: String?, text: ReuseText) {
            self.id = id
            self.date = date
            self.text = text
        }
    }

    public var documents: [Document]
    public var result: ReuseResult
    public var clusters: [ReuseCluster]
    public var parameters: ReuseParameters
    public var seconds: Double
    /// Whether the writers show the formula passages (`--formulas`), or only count them.
    public var showsFormulas: Bool

    /// Builds the report; only the documents that share a passage are tokenized again.
    public init(ids: [String], dates: [String?], texts: [[UInt8]], result: ReuseResult, parameters: ReuseParameters, seconds: Double,
                showsFormulas: Bool = false) {
        let involved = Set((result.passages + (showsFormulas ? result.formulas : [])).flatMap { [$0.a, $0.b] })
        documents = ids.indices.map { index in
            Document(id: ids[index], date: dates[index], text: ReuseText(bytes: involved.contains(index) ? texts[index] : []))
        }
        self.result = result
        clusters = ReuseCluster.clusters(of: result.passages, dates: dates)
        self.parameters = parameters
        self.seconds = seconds
        self.showsFormulas = showsFormulas
    }

    /// The number of distinct document pairs with a passage.
    public var pairCount: Int { Set(result.passages.map { [$0.a, $0.b] }).count }
}

/// One run of an alignment: words the two documents share, spell differently, or do not share.
public struct AlignedSegment: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The same words (case, quotes and dashes aside).
        case same
        /// The same words spelt differently: OCR misreadings, typos.
        case variant
        /// Different words, or words only one side has.
        case changed
    }

    public var kind: Kind
    /// The text of the run in each document, with the spaces and punctuation after it; the texts of
    /// all runs of a passage, joined, are its text exactly.
    public var a: String
    public var b: String
}

extension ReuseReport {
    /// The runs of a passage's alignment, in order.
    public func segments(of passage: ReusePassage) -> [AlignedSegment] {
        let textA = documents[passage.a].text, textB = documents[passage.b].text
        var runs: [(kind: AlignedSegment.Kind, firstA: Int?, firstB: Int?)] = []
        for step in passage.alignment.steps {
            let (kind, wordA, wordB): (AlignedSegment.Kind, Int?, Int?) = switch step {
            case let .match(x, y): (.same, x, y)
            case let .variant(x, y): (.variant, x, y)
            case let .substitution(x, y): (.changed, x, y)
            case let .onlyInA(x): (.changed, x, nil)
            case let .onlyInB(y): (.changed, nil, y)
            }
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1].firstA = last.firstA ?? wordA
                runs[runs.count - 1].firstB = last.firstB ?? wordB
            } else {
                runs.append((kind, wordA, wordB))
            }
        }
        let cutsA = Self.cuts(runs.map(\.firstA), text: textA, passage: passage.bytesA)
        let cutsB = Self.cuts(runs.map(\.firstB), text: textB, passage: passage.bytesB)
        return runs.indices.map { index in
            AlignedSegment(kind: runs[index].kind,
                           a: String(decoding: textA.bytes[cutsA[index]..<cutsA[index + 1]], as: UTF8.self),
                           b: String(decoding: textB.bytes[cutsB[index]..<cutsB[index + 1]], as: UTF8.self))
        }
    }

    /// Byte offsets where each run starts, and the passage's end: a run without words on this side
    /// starts where the next one does.
    static func cuts(_ firstWords: [Int?], text: ReuseText, passage: Range<Int>) -> [Int] {
        var cuts = [Int](repeating: passage.upperBound, count: firstWords.count + 1)
        for index in firstWords.indices.reversed() {
            cuts[index] = firstWords[index].map { text.words[$0].range.lowerBound } ?? cuts[index + 1]
        }
        if !cuts.isEmpty { cuts[0] = passage.lowerBound }
        return cuts
    }
}
