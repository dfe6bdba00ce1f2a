import Foundation

/// Applies random edits to a text, the way editors and republishers change news copy, plus raw
/// character edits that no editor would make. Every choice comes from the given generator, so a
/// failing case replays from its seed.
public struct TextMutator {
    public var rng: SplitMix64

    public init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    static let insertions: [String] = [
        "Officials said Tuesday that 2,400 people had fled.", "“We will not stop,” she said.", "The U.N. voted.",
        "東京で会議が開かれた。", "مرحبا بالعالم.", "🇺🇦 👩‍👩‍👧", " ", "\n\n", "\n", ",", "…", "Mr.", "é", "\u{301}", "ß",
        "Wednesday", "so far", "49-year-old", "U.S.-led",
    ]

    /// The text after `count` random edits.
    public mutating func mutate(_ text: String, edits count: Int) -> String {
        var text = text
        for _ in 0..<count {
            text = mutateOnce(text)
        }
        return text
    }

    mutating func mutateOnce(_ text: String) -> String {
        var sentences = text.split(separator: ". ", omittingEmptySubsequences: false).map(String.init)
        var paragraphs = text.split(separator: "\n\n", omittingEmptySubsequences: false).map(String.init)
        var characters = Array(text)
        switch Int.random(in: 0..<12, using: &rng) {
        case 0 where sentences.count > 1:  // delete a sentence
            sentences.remove(at: Int.random(in: 0..<sentences.count, using: &rng))
            return sentences.joined(separator: ". ")
        case 1 where sentences.count > 1:  // merge two sentences
            let index = Int.random(in: 0..<(sentences.count - 1), using: &rng)
            sentences[index] += ", and " + sentences[index + 1].lowercased()
            sentences.remove(at: index + 1)
            return sentences.joined(separator: ". ")
        case 2:  // split a sentence at a comma
            guard let comma = characters.indices.filter({ characters[$0] == "," }).randomElement(using: &rng) else { break }
            characters.replaceSubrange(comma...comma, with: Array(". It"))
            return String(characters)
        case 3 where paragraphs.count > 2:  // move a paragraph
            let from = Int.random(in: 0..<paragraphs.count, using: &rng)
            let paragraph = paragraphs.remove(at: from)
            paragraphs.insert(paragraph, at: Int.random(in: 0...paragraphs.count, using: &rng))
            return paragraphs.joined(separator: "\n\n")
        case 4:  // insert a sentence or fragment
            let insertion = Self.insertions.randomElement(using: &rng) ?? ""
            characters.insert(contentsOf: Array(insertion), at: Int.random(in: 0...characters.count, using: &rng))
            return String(characters)
        case 5 where !characters.isEmpty:  // delete a run of characters
            let start = Int.random(in: 0..<characters.count, using: &rng)
            let end = min(characters.count, start + Int.random(in: 1...40, using: &rng))
            characters.removeSubrange(start..<end)
            return String(characters)
        case 6 where !characters.isEmpty:  // change a letter's case
            let index = Int.random(in: 0..<characters.count, using: &rng)
            let character = characters[index]
            characters[index] = Character(character.isUppercase ? character.lowercased() : character.uppercased())
            return String(characters)
        case 7:  // change a figure
            guard let digit = characters.indices.filter({ characters[$0].isNumber }).randomElement(using: &rng) else { break }
            characters[digit] = Character(String(Int.random(in: 0...9, using: &rng)))
            return String(characters)
        case 8:  // swap straight and curly quotes, or spaces
            let swaps: [(Character, String)] = [("’", "'"), ("“", "\""), (" ", "  "), ("—", "-")]
            let (a, b) = swaps.randomElement(using: &rng) ?? (" ", " ")
            guard let index = characters.indices.filter({ characters[$0] == a }).randomElement(using: &rng) else { break }
            characters.replaceSubrange(index...index, with: Array(b))
            return String(characters)
        case 9 where sentences.count > 1:  // duplicate a sentence elsewhere
            let sentence = sentences[Int.random(in: 0..<sentences.count, using: &rng)]
            sentences.insert(sentence, at: Int.random(in: 0...sentences.count, using: &rng))
            return sentences.joined(separator: ". ")
        case 10:  // drop a time word
            for word in ["Wednesday ", "on Wednesday ", "so far ", "Tuesday ", "today "] {
                if let range = text.range(of: word) {
                    var copy = text
                    copy.removeSubrange(range)
                    return copy
                }
            }
        default:  // replace a word-sized run with another word
            guard !characters.isEmpty else { break }
            let index = Int.random(in: 0..<characters.count, using: &rng)
            let end = min(characters.count, index + Int.random(in: 1...8, using: &rng))
            characters.replaceSubrange(index..<end, with: Array(["pledged", "was", "Kremlin", "2,870", "they"].randomElement(using: &rng) ?? ""))
            return String(characters)
        }
        return text
    }

    /// A random text of `paragraphs` paragraphs of news-like sentences.
    public mutating func randomText(paragraphs: Int) -> String {
        let words = ["the", "officials", "said", "Russia", "Ukraine", "talks", "on", "Wednesday", "2,870", "troops",
                     "Mr.", "Putin", "U.N.", "vote", "would", "will", "city", "of", "and", "a", "49-year-old",
                     "“impossible”", "Kyiv", "so", "far", "Feb.", "24", "sanctions", "were", "is", "was"]
        return (0..<paragraphs).map { _ in
            (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                let count = Int.random(in: 3...18, using: &rng)
                let sentence = (0..<count).map { _ in words.randomElement(using: &rng) ?? "" }.joined(separator: " ")
                return sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
            }.joined(separator: " ")
        }.joined(separator: "\n\n")
    }
}
