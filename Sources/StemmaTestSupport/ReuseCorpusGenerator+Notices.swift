/// What a newspaper adds to planted reuse: short notices reprinted across issues (advertisements,
/// dispatches, death notices), and formula notices, many different notices written on one template
/// (`Died … aged … years. The funeral will take place from …`), which share the template's fixed
/// wording and nothing else. Reprints of one notice are reuse; two notices on one template are not.
public struct NoticePlan: Sendable {
    /// Reprinted notices, each in several issues.
    public var notices = 0
    /// Words per notice, drawn uniformly.
    public var noticeWords: ClosedRange<Int> = 15...60
    /// Issues each notice appears in, the first clean and the others noisy.
    public var noticeCopies: ClosedRange<Int> = 2...6
    /// Templates, each used by many different notices.
    public var formulas = 0
    /// Different notices written on each template.
    public var formulaUses: ClosedRange<Int> = 20...60
    /// The chance that a formula notice is reprinted in one more issue, which is reuse.
    public var formulaReprint = 0.3

    public init(notices: Int = 0, formulas: Int = 0) {
        self.notices = notices
        self.formulas = formulas
    }
}

/// What a planted item is: a passage, a reprinted notice, or a notice on template `formula`.
public enum PlantedKind: Sendable, Hashable {
    case passage
    case notice
    case formula(Int)
}

extension ReuseCorpusGenerator {
    /// A template: fixed fragments of wording with a slot after every fragment but the last.
    mutating func makeTemplate() -> [[String]] {
        (0..<Int.random(in: 3...5, using: &rng)).map { _ in
            Array(words.makeSentence().flatMap { $0.split(separator: " ").map(String.init) }.filter { $0 != "," }.prefix(Int.random(in: 4...9, using: &rng)))
        }
    }

    /// One notice on a template: its fragments with names, places and figures in the slots.
    mutating func makeFormulaNotice(_ template: [[String]]) -> String {
        var text: [String] = []
        for (index, fragment) in template.enumerated() {
            text += fragment
            guard index + 1 < template.count else { break }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: text += [words.pick(CorpusGenerator.firstNames), words.pick(CorpusGenerator.lastNames)]
            case 1: text += [words.pick(CorpusGenerator.places)]
            default: text += ["\(Int.random(in: 2...99, using: &rng))", words.pick(CorpusGenerator.nouns)]
            }
        }
        return Self.sentence(text)
    }

    /// A notice of exactly the drawn number of words: generated sentences, the last one cut short.
    mutating func makeNotice() -> String {
        let target = Int.random(in: newspaper.noticeWords, using: &rng)
        var text: [String] = []
        while text.count < target {
            text += words.makeSentence().flatMap { $0.split(separator: " ").map(String.init) }.filter { $0 != "," }
        }
        return Self.sentence(Array(text.prefix(target)))
    }

    /// Plants the notices of ``newspaper`` after the passages, with ids from `first`; returns the
    /// kind of each.
    mutating func plantNotices(_ documents: inout [DraftDocument], first: Int) -> [PlantedKind] {
        var kinds: [PlantedKind] = []
        func place(_ text: String, copies: Int, kind: PlantedKind) {
            let issues = [Int.random(in: 0..<documents.count, using: &rng)]
            let all = issues + distinctDocuments(copies - 1, below: documents.count, excluding: issues[0])
            let id = first + kinds.count
            for (index, issue) in all.enumerated() {
                plant(&documents[issue], [index == 0 ? [text] : noise.apply(to: [text], using: &words)], ids: [id])
            }
            kinds.append(kind)
        }
        for _ in 0..<newspaper.notices {
            place(makeNotice(), copies: Int.random(in: newspaper.noticeCopies, using: &rng), kind: .notice)
        }
        for formula in 0..<newspaper.formulas {
            let template = makeTemplate()
            for _ in 0..<Int.random(in: newspaper.formulaUses, using: &rng) {
                let copies = Double.random(in: 0..<1, using: &rng) < newspaper.formulaReprint ? 2 : 1
                place(makeFormulaNotice(template), copies: copies, kind: .formula(formula))
            }
        }
        return kinds
    }
}
