/// A seeded, deterministic generator of news-like corpora with known families of versions.
///
/// Each family is a story and versions of it, each derived from an earlier version with the edits
/// seen in republished news: sentence splits and merges, tense changes, dropped time words, added,
/// deleted and moved paragraphs, changed figures and changed credits. Unrelated stories from the
/// same source share boilerplate (a newsletter footer, a standard credit line), so that they are
/// not trivially far apart. The same seed gives the same corpus on every machine.
public struct CorpusGenerator {
    public struct Document: Sendable {
        public var id: String
        public var text: String
        public var date: String
        public var source: String
        /// The family (story) the document belongs to; unrelated stories have families of one.
        public var family: Int
    }

    public var rng: SplitMix64
    /// The share of stories that get versions.
    public var familyShare = 0.3
    /// Versions per story with versions: 2 to this many.
    public var maximumVersions = 6

    public init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    /// `count` documents, families kept together, in a shuffled but seeded order.
    public mutating func documents(count: Int) -> [Document] {
        var documents: [Document] = []
        documents.reserveCapacity(count)
        var family = 0
        while documents.count < count {
            let source = Self.sources[Int.random(in: 0..<Self.sources.count, using: &rng)]
            let day = Int.random(in: 1...28, using: &rng)
            var story = makeStory(source: source)
            let versions = Double.random(in: 0..<1, using: &rng) < familyShare ? Int.random(in: 2...maximumVersions, using: &rng) : 1
            var stories = [story]
            for version in 0..<min(versions, count - documents.count) {
                if version > 0 {
                    // Derive from a random earlier version: a tree of versions, not only a chain.
                    story = stories[Int.random(in: 0..<stories.count, using: &rng)]
                    story = edited(story, edits: Int.random(in: 1...14, using: &rng))
                    stories.append(story)
                }
                documents.append(Document(
                    id: "s\(family)-v\(version)", text: render(story, source: source),
                    date: "2022-03-\(day < 10 ? "0" : "")\(day)T\(10 + version):00:00Z", source: source, family: family))
            }
            family += 1
        }
        return documents
    }

    /// A story: paragraphs of sentences, each sentence a list of words, and a credits line.
    struct Story {
        var paragraphs: [[[String]]]
        var credits: [String]
    }

    mutating func pick(_ list: [String]) -> String { list[Int.random(in: 0..<list.count, using: &rng)] }

    mutating func makeStory(source: String) -> Story {
        let paragraphCount = Int.random(in: 9...22, using: &rng)
        let paragraphs = (0..<paragraphCount).map { _ in
            (0..<Int.random(in: 1...3, using: &rng)).map { _ in makeSentence() }
        }
        return Story(paragraphs: paragraphs, credits: [pick(Self.firstNames) + " " + pick(Self.lastNames)])
    }

    mutating func makeSentence() -> [String] {
        var words: [String] = []
        let clauses = Int.random(in: 1...3, using: &rng)
        for clause in 0..<clauses {
            if clause > 0 { words += [pick([",", ", and", ", while", ", though"])] }
            words += [pick(Self.determiners), pick(Self.adjectives), pick(Self.nouns), pick(Self.verbs)]
            if Int.random(in: 0..<3, using: &rng) == 0 { words += [pick(Self.timeWords)] }
            words += [pick(Self.prepositions), pick(Self.places)]
            if Int.random(in: 0..<2, using: &rng) == 0 {
                words += ["after", "\(Int.random(in: 2...9_999, using: &rng))", pick(Self.nouns)]
            }
            if Int.random(in: 0..<3, using: &rng) == 0 { words += ["said", pick(Self.firstNames), pick(Self.lastNames)] }
        }
        words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
        return words
    }

    func render(_ story: Story, source: String) -> String {
        let body = story.paragraphs.map { paragraph in
            paragraph.map { words in
                words.enumerated().map { index, word in index > 0 && !word.hasPrefix(",") ? " " + word : word }.joined() + "."
            }.joined(separator: " ")
        }
        let credits = "— " + story.credits.joined(separator: " and ") + " contributed to this report."
        return (body + [credits, Self.footer(source)]).joined(separator: "\n\n")
    }

    static func footer(_ source: String) -> String {
        "Copyright \(source). All rights reserved. Sign up for the \(source) morning newsletter to get the day's top stories."
    }
}
