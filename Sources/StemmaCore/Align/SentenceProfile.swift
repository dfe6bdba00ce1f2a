/// What the aligner compares about one sentence: its identity and its weighted bag of words.
struct SentenceProfile: Sendable {
    /// A hash of all the sentence's normalized tokens in order; equal for sentences that read the same.
    var identity: UInt64
    /// The matching keys of its words, sorted, with repeats.
    var words: [UInt64]
    /// The total weight of `words`.
    var weight: Double
    var kind: Sentence.Kind

    static let stopWordWeight = 0.25

    init(sentence: Sentence, tokens: [Token]) {
        var identity: UInt64 = 0x5354_454D_4D41  // "STEMMA"
        var words: [UInt64] = []
        words.reserveCapacity(sentence.tokens.count)
        for token in tokens[sentence.tokens] {
            identity = StableHash.combine(identity, token.key)
            if token.isWordLike { words.append(token.key) }
        }
        words.sort()
        self.identity = identity
        self.words = words
        self.weight = Self.weight(of: words)
        self.kind = sentence.kind
    }

    static func weight(of key: UInt64) -> Double {
        Lexicon.stopWords.contains(key) ? stopWordWeight : 1
    }

    static func weight(of words: [UInt64]) -> Double {
        words.reduce(0) { $0 + weight(of: $1) }
    }

    /// The weight of the multiset intersection of two sorted key lists.
    static func overlap(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var i = 0, j = 0, total = 0.0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                total += weight(of: a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return total
    }

    /// The sorted union with repeats (multiset sum) of several sentences' words.
    static func merged(_ profiles: ArraySlice<SentenceProfile>) -> [UInt64] {
        guard profiles.count > 1 else { return profiles.first?.words ?? [] }
        return profiles.flatMap(\.words).sorted()
    }
}
