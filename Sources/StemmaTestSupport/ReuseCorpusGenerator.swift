import Foundation

/// A seeded generator of corpora with planted text reuse: unrelated news-like documents, some of
/// which carry copies of shared passages, noisy copies in all but the source.
///
/// Each passage (a run of generated paragraphs) is inserted whole between two paragraphs of its
/// source document, and a noisy copy of it (word substitutions, OCR-like letter errors, deleted
/// words and runs; see ``NoiseModel``) into each of its target documents. Some passages come in
/// swapped pairs: two passages of one source, in the opposite order in the target. Two planted
/// passages never touch: at least one paragraph of the document's own text separates them.
public struct ReuseCorpusGenerator {
    public var words: CorpusGenerator
    /// Paragraphs of each document's own text.
    public var paragraphs: ClosedRange<Int> = 20...40
    /// Words per passage; lengths are drawn log-uniformly, so short passages are the most common.
    public var passageWords: ClosedRange<Int> = 50...2_000
    /// Noisy copies per passage, besides the source.
    public var copies: ClosedRange<Int> = 1...3
    /// The share of passages planted as swapped pairs.
    public var swappedShare = 0.25
    public var noise = NoiseModel()
    /// A newsletter footer per source, shared by every document of that source: boilerplate that
    /// a reuse search must not report as long as it is shorter than the minimum passage.
    public var footers = false
    /// Newspaper notices and formulas to plant besides the passages.
    public var newspaper = NoticePlan()

    public init(seed: UInt64) {
        words = CorpusGenerator(seed: seed)
    }

    var rng: SplitMix64 {
        get { words.rng }
        set { words.rng = newValue }
    }

    /// A corpus of `documents` documents with about `passages` planted passages.
    public mutating func corpus(documents count: Int, passages: Int) -> PlantedReuseCorpus {
        var documents = (0..<count).map { _ in
            DraftDocument(paragraphs: (0..<Int.random(in: paragraphs, using: &rng)).map { _ in makeParagraph() })
        }
        var passage = 0
        while passage < passages && count >= 2 {
            let source = Int.random(in: 0..<count, using: &rng)
            let targets = distinctDocuments(Int.random(in: copies, using: &rng), below: count, excluding: source)
            let swapped = passage + 1 < passages && Double.random(in: 0..<1, using: &rng) < swappedShare
            let group = swapped ? [passage, passage + 1] : [passage]
            let texts = group.map { _ in makePassage() }
            plant(&documents[source], texts, ids: group)
            for target in targets {
                let noisy = texts.map { noise.apply(to: $0, using: &words) }
                plant(&documents[target], swapped ? noisy.reversed() : noisy, ids: swapped ? group.reversed() : group)
            }
            passage += group.count
        }
        let kinds = Array(repeating: PlantedKind.passage, count: passage) + plantNotices(&documents, first: passage)
        return render(documents, kinds: kinds)
    }

    /// `wanted` different documents other than `excluded`, drawn without a pass over all of them.
    mutating func distinctDocuments(_ wanted: Int, below count: Int, excluding excluded: Int) -> [Int] {
        var chosen: [Int] = []
        while chosen.count < min(wanted, count - 1) {
            let document = Int.random(in: 0..<count, using: &rng)
            if document != excluded && !chosen.contains(document) { chosen.append(document) }
        }
        return chosen
    }

    /// A paragraph of one to three generated sentences.
    public mutating func makeParagraph() -> String {
        (0..<Int.random(in: 1...3, using: &rng)).map { _ in Self.sentence(words.makeSentence()) }.joined(separator: " ")
    }

    /// `count` paragraphs of two or three generated sentences each.
    public mutating func makePassage(paragraphs count: Int) -> [String] {
        (0..<count).map { _ in (0..<Int.random(in: 2...3, using: &rng)).map { _ in Self.sentence(words.makeSentence()) }.joined(separator: " ") }
    }

    /// Paragraphs of generated sentences, at least the drawn number of words long.
    mutating func makePassage() -> [String] {
        let low = log(Double(passageWords.lowerBound)), high = log(Double(passageWords.upperBound))
        let target = Int(exp(Double.random(in: low...high, using: &rng)).rounded())
        var paragraphs: [String] = [], count = 0
        while count < target {
            var paragraph = ""
            for _ in 0..<Int.random(in: 1...3, using: &rng) where count < target {
                let sentence = Self.sentence(words.makeSentence())
                count += sentence.split(separator: " ").count
                paragraph += (paragraph.isEmpty ? "" : " ") + sentence
            }
            paragraphs.append(paragraph)
        }
        return paragraphs
    }

    static func sentence(_ words: [String]) -> String {
        words.enumerated().map { index, word in index > 0 && !word.hasPrefix(",") ? " " + word : word }.joined() + "."
    }
}

/// A document being built: its own paragraphs, and planted passages keyed by the gap they fill.
struct DraftDocument {
    var paragraphs: [String]
    /// Gap `g` lies before own paragraph `g`; each holds one planted passage (id, paragraphs).
    var planted: [Int: (id: Int, paragraphs: [String])] = [:]
}

extension ReuseCorpusGenerator {
    /// Plants passages in order into free gaps of a document, none next to another planted one.
    mutating func plant(_ document: inout DraftDocument, _ passages: [[String]], ids: [Int]) {
        var free = (0...document.paragraphs.count).filter { gap in
            !(gap - 1...gap + 1).contains { document.planted[$0] != nil }
        }
        var chosen: [Int] = []
        for _ in passages {
            guard let gap = free.randomElement(using: &rng) else { break }
            chosen.append(gap)
            free.removeAll { abs($0 - gap) <= 1 }
        }
        // Gaps in ascending order keep the passages in the order given.
        for (gap, (passage, id)) in zip(chosen.sorted(), zip(passages, ids)) {
            document.planted[gap] = (id, passage)
        }
    }

    func render(_ documents: [DraftDocument], kinds: [PlantedKind]) -> PlantedReuseCorpus {
        var copies = Array(repeating: [(document: Int, bytes: Range<Int>)](), count: kinds.count)
        var rendered: [PlantedReuseCorpus.Document] = []
        for (index, document) in documents.enumerated() {
            var text = ""
            func append(_ paragraph: String) {
                if !text.isEmpty { text += "\n\n" }
                text += paragraph
            }
            for gap in 0...document.paragraphs.count {
                if let (id, passage) = document.planted[gap] {
                    if !text.isEmpty { text += "\n\n" }
                    let start = text.utf8.count
                    text += passage.joined(separator: "\n\n")
                    copies[id].append((index, start..<text.utf8.count))
                }
                if gap < document.paragraphs.count { append(document.paragraphs[gap]) }
            }
            let source = CorpusGenerator.sources[index % CorpusGenerator.sources.count]
            if footers { append(CorpusGenerator.footer(source)) }
            let day = 1 + index % 28
            rendered.append(.init(id: "doc\(index)", text: text, date: "2022-03-\(day < 10 ? "0" : "")\(day)", source: source))
        }
        return PlantedReuseCorpus(documents: rendered, copies: copies.map { $0.sorted { $0.document < $1.document } }, kinds: kinds)
    }
}
