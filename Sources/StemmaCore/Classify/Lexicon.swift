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

    /// Words that place a report in time and are dropped or changed when a story is republished.
    static let timeWords = TokenNormalizer.keys(of: [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "today", "tonight", "yesterday", "tomorrow", "now", "earlier", "currently",
    ])

    /// `so far` is the one two-word time phrase; its keys, in order.
    static let soFar = (TokenNormalizer.key(of: "so"), TokenNormalizer.key(of: "far"))

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

    struct KeyPair: Hashable, Sendable {
        var first: UInt64
        var second: UInt64
        init(_ first: UInt64, _ second: UInt64) {
            self.first = first
            self.second = second
        }
    }
}
