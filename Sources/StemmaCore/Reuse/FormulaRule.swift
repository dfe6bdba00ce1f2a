import Foundation

/// Tells formula wording from reuse: the fixed phrases of death notices, legal notices and price
/// lists that many different texts share (`The funeral will take place from …`).
///
/// Two notices on one template share the template's n-grams, every one of them found in many
/// documents, and little else; a reprint of one notice also shares its own words (a name, an
/// address, a figure), whose n-grams are as rare as the reprint's copies. So passages are scored by
/// the rarity of what they share, the mean inverse document frequency of their anchors (after
/// TextPAIR's "banality" test, which flags passages made mostly of the corpus's commonest n-grams):
/// a passage whose anchors' geometric mean frequency reaches `commonFrequency` documents is a
/// formula. The mean, not a count, lets one n-gram that a template shares with a common word
/// beside it (a few of its uses followed by `This`) not turn a formula into reuse, nor one common
/// phrase inside a reprinted notice turn it into a formula. A passage of `longestFormula` words or
/// more is a widely reprinted text, not a formula: templates are short, and their slots break
/// longer matches.
struct FormulaRule: Sendable {
    /// Anchors found in this many documents, on average, are common.
    let commonFrequency: Int
    static let longestFormula = 100

    /// Whether an alignment shares only common n-grams, given the anchors of its pair and the
    /// document frequency of each; without an anchor inside it, it cannot be judged and is not.
    func isFormula(_ alignment: WordAlignment, anchors: [(Int, Int)], frequencies: [Int]) -> Bool {
        guard min(alignment.wordsA.count, alignment.wordsB.count) < Self.longestFormula else { return false }
        var logSum = 0.0, count = 0
        for (index, (a, b)) in anchors.enumerated() where alignment.wordsA.contains(a) && alignment.wordsB.contains(b) {
            logSum += log(Double(max(1, frequencies[index])))
            count += 1
        }
        return count > 0 && logSum >= Double(count) * log(Double(commonFrequency))
    }
}
