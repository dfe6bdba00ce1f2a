/// Word lists used to weigh matches and to classify edits. All hold matching keys.
enum Lexicon {
    /// English function words: they count a quarter as much as content words when sentences are
    /// compared, so that two sentences do not match on "the", "of" and "to" alone.
    static let stopWords = TokenNormalizer.keys(of: [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "by", "with",
        "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "that", "this",
        "these", "those", "it", "its", "he", "she", "they", "them", "his", "her", "their", "we", "our",
        "you", "your", "i", "not", "no", "so", "than", "then", "there", "which", "who", "whom", "what",
        "will", "would", "can", "could", "may", "might", "do", "does", "did", "said", "says", "say",
        "into", "over", "after", "about", "also", "more", "most", "some", "such", "any", "all", "if",
        "up", "out", "just", "only", "even", "very", "much", "other", "s", "'s",
    ])

    /// Numbers written as words, which wire style uses for one to nine (`seven` → `eight` is a
    /// changed figure). `one` is left out: it is as often a pronoun (`no one`, `one of them`),
    /// and ordinals as often mean something else (`a second time`).
    static let numberWords = TokenNormalizer.keys(of: [
        "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
        "million", "millions", "billion", "billions", "trillion", "dozen", "dozens",
    ])

    /// Words that place a report in time and are dropped or changed when a story is republished.
    static let timeWords = TokenNormalizer.keys(of: timeWordList)

    static let timeWordList = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "today", "tonight", "yesterday", "tomorrow", "now", "earlier", "currently", "already",
        "meanwhile", "recently", "overnight",
    ]

    /// Time expressions of several words, as word lists: a report is dated by its `so far`, `last
    /// week` and `in recent days` as much as by its weekdays.
    static let timePhraseList: [[String]] = {
        var phrases = [["so", "far"], ["as", "of", "now"], ["right", "now"], ["this", "weekend"], ["last", "weekend"]]
        for period in ["days", "weeks", "months", "hours"] {
            phrases.append(["in", "recent", period])
            phrases.append(["in", "the", "past", period])
            phrases.append(["in", "the", "last", period])
        }
        for period in ["week", "month", "year", "night", "morning", "afternoon", "evening"] {
            phrases.append(["last", period])
            phrases.append(["this", period])
            phrases.append(["next", period])
        }
        return phrases
    }()

    static let longestTimePhrase = timePhraseList.map(\.count).max() ?? 1

    /// The keys of the first words of `timePhrases`.
    static let timePhraseStarts = KeySet(Array(timePhrases.keys))

    /// The time phrases by the key of their first word, each as the keys of its words, longest first.
    static let timePhrases: [UInt64: [[UInt64]]] = {
        var table: [UInt64: [[UInt64]]] = [:]
        for phrase in timePhraseList + timeWordList.map({ [$0] }) {
            let keys = phrase.map { TokenNormalizer.key(of: $0) }
            table[keys[0], default: []].append(keys)
        }
        return table.mapValues { $0.sorted { $0.count > $1.count } }
    }()

    /// Pairs of verb forms that differ in tense only, both directions.
    static let tensePairs: Set<KeyPair> = {
        let pairs = [
            ("is", "was"), ("are", "were"), ("has", "had"), ("have", "had"), ("will", "would"),
            ("can", "could"), ("shall", "should"), ("may", "might"), ("do", "did"), ("does", "did"),
            ("say", "said"), ("says", "said"), ("go", "went"), ("goes", "went"), ("take", "took"),
            ("takes", "took"), ("make", "made"), ("makes", "made"), ("see", "saw"), ("sees", "saw"),
            ("tell", "told"), ("tells", "told"), ("come", "came"), ("comes", "came"), ("give", "gave"),
            ("gives", "gave"), ("get", "got"), ("gets", "got"), ("know", "knew"), ("knows", "knew"),
            ("think", "thought"), ("thinks", "thought"), ("find", "found"), ("finds", "found"),
            ("remain", "remained"), ("'ll", "would"), ("isn't", "wasn't"), ("aren't", "weren't"),
            ("won't", "wouldn't"), ("can't", "couldn't"), ("don't", "didn't"), ("doesn't", "didn't"),
        ]
        var set = Set<KeyPair>()
        for (a, b) in pairs {
            let (ka, kb) = (TokenNormalizer.key(of: a), TokenNormalizer.key(of: b))
            set.insert(KeyPair(ka, kb))
            set.insert(KeyPair(kb, ka))
        }
        return set
    }()

    /// The auxiliaries of the perfect tenses: dropping one before a past form (`has said` → `said`)
    /// changes the tense without changing the verb.
    static let perfectAuxiliaries = TokenNormalizer.keys(of: ["has", "have", "had", "'ve", "'d"])

    /// Irregular past tenses and participles, which do not end in `-ed`.
    static let pastForms = TokenNormalizer.keys(of: [
        "said", "made", "told", "found", "thought", "went", "gone", "took", "taken", "saw", "seen", "came",
        "come", "gave", "given", "got", "gotten", "knew", "known", "been", "done", "did", "began", "begun",
        "became", "become", "brought", "held", "kept", "left", "lost", "met", "paid", "put", "ran", "run",
        "sent", "set", "shown", "spoke", "spoken", "stood", "wrote", "written", "won", "fought", "led", "fell",
        "fallen", "rose", "risen", "built", "struck", "hit", "cut", "sought", "felt", "heard", "meant",
    ])

    struct KeyPair: Hashable, Sendable {
        var first: UInt64
        var second: UInt64
        init(_ first: UInt64, _ second: UInt64) {
            self.first = first
            self.second = second
        }
    }
}
