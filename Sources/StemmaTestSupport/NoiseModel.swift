import Foundation

/// Noise applied to each copy of a planted passage: whole words substituted or deleted, runs of
/// words dropped, and OCR-like misreadings: a confused letter (`e`/`c`, `m`/`rn`, `h`/`li`,
/// `d`/`cl`), a dropped letter, two words read as one or one word read as two.
public struct NoiseModel: Sendable {
    public var substitution = 0.03
    public var ocr = 0.05
    public var deletion = 0.02
    /// The chance, per word, that a run of 2 to 6 words is dropped.
    public var runDeletion = 0.004
    /// The chance, per word, that it is joined to the next one (`of the` → `ofthe`).
    public var join = 0.0
    /// The chance, per word of four letters or more, that it is split in two (`residence` → `resi dence`).
    public var split = 0.0
    /// Misreadings in one misread word.
    public var misreadsPerWord: ClosedRange<Int> = 1...1

    public init(substitution: Double = 0.03, ocr: Double = 0.05, deletion: Double = 0.02, runDeletion: Double = 0.004,
                join: Double = 0, split: Double = 0, misreadsPerWord: ClosedRange<Int> = 1...1) {
        self.substitution = substitution
        self.ocr = ocr
        self.deletion = deletion
        self.runDeletion = runDeletion
        self.join = join
        self.split = split
        self.misreadsPerWord = misreadsPerWord
    }

    /// The noise of the original planted corpora: about one word in ten changed.
    public static let today = NoiseModel()
    /// Twice today's rates, with some words joined and split.
    public static let double: NoiseModel = {
        var model = NoiseModel(substitution: 0.06, ocr: 0.10, deletion: 0.04, runDeletion: 0.008, join: 0.01, split: 0.01)
        model.confusions = moreConfusions
        return model
    }()
    /// Most words broken: a bad scan of a worn page, where hardly any five words in a row survive.
    public static let heavy: NoiseModel = {
        var model = NoiseModel(substitution: 0.03, ocr: 0.6, deletion: 0.02, runDeletion: 0.004, join: 0.04, split: 0.04, misreadsPerWord: 1...2)
        model.confusions = moreConfusions
        return model
    }()

    /// The preset of a name: `today`, `double` or `heavy`.
    public static func named(_ name: String) -> NoiseModel? {
        switch name {
        case "today": .today
        case "double": .double
        case "heavy": .heavy
        default: nil
        }
    }

    /// Letters OCR confuses, as (read, misread) pairs.
    static let confusions: [(String, String)] = [
        ("e", "c"), ("l", "1"), ("m", "rn"), ("h", "li"), ("o", "0"), ("i", "l"), ("u", "n"), ("n", "u"), ("rn", "m"), ("c", "e"),
    ]
    /// More confusions of worn type and long s, for the noisier presets.
    static let moreConfusions = confusions + [("d", "cl"), ("w", "vv"), ("a", "n"), ("s", "f")]
    public var confusions = NoiseModel.confusions

    /// A noisy copy of paragraphs, the paragraph breaks kept.
    func apply(to paragraphs: [String], using generator: inout CorpusGenerator) -> [String] {
        paragraphs.map { paragraph in
            var output: [String] = []
            var skip = 0
            var joinNext = false
            for word in paragraph.split(separator: " ").map(String.init) {
                if skip > 0 {
                    skip -= 1
                    continue
                }
                let roll = Double.random(in: 0..<1, using: &generator.rng)
                var noisy: String
                if roll < runDeletion {
                    skip = Int.random(in: 1...5, using: &generator.rng)
                    continue
                } else if roll < runDeletion + deletion {
                    continue
                } else if roll < runDeletion + deletion + substitution {
                    noisy = generator.pick(CorpusGenerator.nouns)
                } else if roll < runDeletion + deletion + substitution + ocr {
                    noisy = word
                    // A one-value range draws nothing, so the original corpora stay as they were.
                    let misreads = misreadsPerWord.count == 1 ? misreadsPerWord.lowerBound : Int.random(in: misreadsPerWord, using: &generator.rng)
                    for _ in 0..<misreads { noisy = misread(noisy, using: &generator.rng) }
                } else {
                    noisy = word
                }
                if split > 0, noisy.count >= 4, Double.random(in: 0..<1, using: &generator.rng) < split {
                    let cut = noisy.index(noisy.startIndex, offsetBy: Int.random(in: 1..<(noisy.count - 1), using: &generator.rng))
                    noisy = noisy[..<cut] + " " + noisy[cut...]
                }
                if joinNext, let last = output.popLast() {
                    output.append(last + noisy)
                } else {
                    output.append(noisy)
                }
                joinNext = join > 0 && Double.random(in: 0..<1, using: &generator.rng) < join
            }
            return output.joined(separator: " ")
        }.filter { !$0.isEmpty }
    }

    func misread(_ word: String, using rng: inout SplitMix64) -> String {
        let candidates = confusions.filter { word.contains($0.0) }
        if let (read, misread) = candidates.randomElement(using: &rng), let range = word.range(of: read) {
            return word.replacingCharacters(in: range, with: misread)
        }
        var letters = Array(word)
        guard letters.count > 1 else { return word }
        letters.remove(at: Int.random(in: 0..<letters.count, using: &rng))
        return String(letters)
    }
}
