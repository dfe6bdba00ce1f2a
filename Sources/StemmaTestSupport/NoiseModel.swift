import Foundation

/// The noise of a copied passage: words replaced, letters misread as OCR misreads them, and words
/// or short runs dropped. Rates are per word.
public struct NoiseModel: Sendable {
    public var substitution = 0.03
    public var ocr = 0.05
    public var deletion = 0.02
    /// The chance, per word, that a run of 2 to 6 words is dropped.
    public var runDeletion = 0.004

    public init(substitution: Double = 0.03, ocr: Double = 0.05, deletion: Double = 0.02, runDeletion: Double = 0.004) {
        self.substitution = substitution
        self.ocr = ocr
        self.deletion = deletion
        self.runDeletion = runDeletion
    }

    /// Letters OCR confuses, as (read, misread) pairs.
    static let confusions: [(String, String)] = [
        ("e", "c"), ("l", "1"), ("m", "rn"), ("h", "li"), ("o", "0"), ("i", "l"), ("u", "n"), ("n", "u"), ("rn", "m"), ("c", "e"),
    ]

    /// A noisy copy of paragraphs, the paragraph breaks kept.
    func apply(to paragraphs: [String], using generator: inout CorpusGenerator) -> [String] {
        paragraphs.map { paragraph in
            var output: [String] = []
            var skip = 0
            for word in paragraph.split(separator: " ").map(String.init) {
                if skip > 0 {
                    skip -= 1
                    continue
                }
                let roll = Double.random(in: 0..<1, using: &generator.rng)
                if roll < runDeletion {
                    skip = Int.random(in: 1...5, using: &generator.rng)
                } else if roll < runDeletion + deletion {
                    continue
                } else if roll < runDeletion + deletion + substitution {
                    output.append(generator.pick(CorpusGenerator.nouns))
                } else if roll < runDeletion + deletion + substitution + ocr {
                    output.append(misread(word, using: &generator.rng))
                } else {
                    output.append(word)
                }
            }
            return output.joined(separator: " ")
        }.filter { !$0.isEmpty }
    }

    func misread(_ word: String, using rng: inout SplitMix64) -> String {
        let candidates = Self.confusions.filter { word.contains($0.0) }
        if let (read, misread) = candidates.randomElement(using: &rng), let range = word.range(of: read) {
            return word.replacingCharacters(in: range, with: misread)
        }
        var letters = Array(word)
        guard letters.count > 1 else { return word }
        letters.remove(at: Int.random(in: 0..<letters.count, using: &rng))
        return String(letters)
    }
}
