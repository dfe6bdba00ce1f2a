/// What kind of change an operation makes, beyond its shape: the marks a copy editor would note.
public enum ChangeTag: String, Sendable, Hashable, Codable, CaseIterable {
    /// A figure differs: a number appears on one side only.
    case numberChanged = "number-changed"
    /// Words inside quotation marks differ: someone's quoted words were changed, cut or added.
    case quotationChanged = "quotation-changed"
    /// Capitalised words not at the start of a sentence appear on the new side only.
    case namesAdded = "names-added"
    /// Capitalised words not at the start of a sentence appear on the old side only.
    case namesRemoved = "names-removed"
    /// Time expressions were added: weekday names, `today`, `yesterday`, `now`, `earlier`,
    /// `already`, `meanwhile`, `so far`, `last week`, `in recent days` and kin.
    case timeWordsAdded = "time-words-added"
    /// Time expressions were removed, as when a dated report is republished later.
    case timeWordsRemoved = "time-words-removed"
    /// A verb changed tense among other changes (`say` → `said` in a rewritten sentence); when the
    /// tense is all that changed, the tag is `tense-only` instead.
    case tenseChanged = "tense-changed"
    /// Every change swaps a verb form for another tense of it (`is` → `was`, `say` → `said`).
    case tenseOnly = "tense-only"
    /// Every change is to punctuation (including curly versus straight quotes).
    case punctuationOnly = "punctuation-only"
    /// The words and punctuation are identical; only spacing or line breaks differ.
    case whitespaceOnly = "whitespace-only"
    /// Every change is a change of letter case.
    case caseOnly = "case-only"
}

/// The words behind an operation's tags, in their original spelling.
public struct ChangeDetails: Sendable, Hashable, Codable {
    public var numbersRemoved: [String] = []
    public var numbersAdded: [String] = []
    public var namesRemoved: [String] = []
    public var namesAdded: [String] = []
    public var timeWordsRemoved: [String] = []
    public var timeWordsAdded: [String] = []

    public init() {}

    /// Reports list only the non-empty lists, so every list is optional when read back.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func list(_ key: CodingKeys) throws -> [String] { try container.decodeIfPresent([String].self, forKey: key) ?? [] }
        numbersRemoved = try list(.numbersRemoved)
        numbersAdded = try list(.numbersAdded)
        namesRemoved = try list(.namesRemoved)
        namesAdded = try list(.namesAdded)
        timeWordsRemoved = try list(.timeWordsRemoved)
        timeWordsAdded = try list(.timeWordsAdded)
    }

    public var isEmpty: Bool { self == ChangeDetails() }
}
