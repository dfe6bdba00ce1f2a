import StemmaCore
import StemmaTestSupport
import Testing

@Suite struct TokenizerTests {
    func texts(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return Tokenizer.tokens(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test(arguments: [
        ("Russia counted 2,870 dead and 6,400 arrests.", ["Russia", "counted", "2,870", "dead", "and", "6,400", "arrests", "."]),
        ("the 21st century, a 49-year-old leader", ["the", "21st", "century", ",", "a", "49-year-old", "leader"]),
        ("the U.S. and U.N. agreed", ["the", "U.S.", "and", "U.N.", "agreed"]),
        ("the U.S.-led order and the U.N.’s office", ["the", "U.S.-led", "order", "and", "the", "U.N.’s", "office"]),
        ("they’ll say Russia’s O'Brien", ["they’ll", "say", "Russia’s", "O'Brien"]),
        ("at 9 a.m. sharp", ["at", "9", "a.m.", "sharp"]),
        ("rose 2.5 percent to $3.5 million", ["rose", "2.5", "percent", "to", "$", "3.5", "million"]),
        ("a tougher-than-expected fight", ["a", "tougher-than-expected", "fight"]),
        ("Moldova — both … and", ["Moldova", "—", "both", "…", "and"]),
        ("wait... what", ["wait", "...", "what"]),
        ("“impossible.”", ["“", "impossible", ".", "”"]),
        ("2,3 and 1,0000", ["2", ",", "3", "and", "1", ",", "0000"]),
        ("on 2022-03-02 at", ["on", "2022-03-02", "at"]),
        ("students’ rights", ["students", "’", "rights"]),
        ("Plan B. Then", ["Plan", "B", ".", "Then"]),
    ])
    func tokenTexts(text: String, expected: [String]) {
        #expect(texts(text) == expected)
    }

    @Test func tokensHaveAKindAndKnowTheirCase() {
        let tokens = Tokenizer.tokens(in: "Kremlin 498 , kyiv")
        #expect(tokens.map(\.kind) == [.word, .number, .punctuation, .word])
        #expect(tokens[0].isCapitalized && !tokens[0].isLowercase)
        #expect(tokens[3].isLowercase && !tokens[3].isCapitalized)
    }

    @Test func scriptsWithoutSpacesFallBackToCharacters() {
        #expect(texts("東京で会議が開かれた。") == ["東", "京", "で", "会", "議", "が", "開", "か", "れ", "た", "。"])
        let tokens = Tokenizer.tokens(in: "東京")
        #expect(tokens.allSatisfy { $0.kind == .character })
    }

    @Test func emojiSequencesAndFlagsStayWhole() {
        #expect(texts("hi 👩‍👩‍👧 and 🇺🇦 👍🏽!") == ["hi", "👩‍👩‍👧", "and", "🇺🇦", "👍🏽", "!"])
    }

    @Test func combiningMarksStayWithTheirLetters() {
        // "e" + COMBINING ACUTE ACCENT, and Hindi with vowel signs.
        #expect(texts("cafe\u{301} au lait") == ["cafe\u{301}", "au", "lait"])
        #expect(texts("नमस्ते दुनिया") == ["नमस्ते", "दुनिया"])
    }

    @Test func rightToLeftTextTokenizesByWords() {
        #expect(texts("שלום עולם, مرحبا بالعالم") == ["שלום", "עולם", ",", "مرحبا", "بالعالم"])
    }

    @Test func normalizationFoldsCaseQuotesDashesAndCompatibilityForms() {
        func key(_ word: String) -> UInt64 { TokenNormalizer.key(of: word) }
        #expect(key("Russia’s") == key("russia's"))
        #expect(key("Kremlin") == key("KREMLIN"))
        #expect(key("…") == key("..."))
        #expect(key("—") == key("-"))
        #expect(key("Ｋｙｉｖ") == key("kyiv"))
        #expect(key("ﬁnal") == key("final"))
        #expect(key("Kyiv") != key("Kiev"))
    }

    /// Every token slices whole scalars, tokens do not overlap, and only whitespace lies between.
    @Test(arguments: 0..<50) func rangesAreOnScalarBoundaries(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let alphabet: [String] = ["a", "Z", "7", " ", "\n", ".", ",", "’", "-", "é", "\u{301}", "東", "👩", "\u{200D}",
                                  "🇺", "ש", "…", "“", "\u{00A0}", "ß", "\u{FE0F}", "'"]
        let text = (0..<200).map { _ in alphabet.randomElement(using: &rng) ?? "" }.joined()
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(in: text)
        var previousEnd = 0
        for token in tokens {
            #expect(token.range.lowerBound >= previousEnd)
            #expect(!token.range.isEmpty)
            let slice = Array(bytes[token.range])
            #expect(String(validating: slice, as: UTF8.self) != nil)
            let between = String(decoding: bytes[previousEnd..<token.range.lowerBound], as: UTF8.self)
            #expect(between.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{200B}" })
            previousEnd = token.range.upperBound
        }
    }
}

@Suite struct NormalizerFastPathTests {
    /// The byte-level fold of common punctuation must give the same keys as the general path.
    @Test(arguments: ["’", "‘", "“", "”", "‚", "„", "′", "″", "‐", "‑", "‒", "–", "—", "―", "…", "they’ll", "U.N.’s", "“Why…”"])
    func fastPathAgreesWithNormalizedForm(text: String) {
        var copy = text
        let fast = copy.withUTF8 { TokenNormalizer.key(of: $0) }
        let general = StableHash.hash(TokenNormalizer.normalizedForm(of: text).utf8)
        #expect(fast == general)
    }
}

@Suite struct TokenKeyConsistencyTests {
    /// Keys hashed while scanning must equal the normalizer's keys of the same bytes.
    @Test(arguments: 0..<20) func scannedKeysEqualNormalizerKeys(seed: Int) throws {
        var mutator = TextMutator(seed: UInt64(seed))
        let text = seed == 0 ? try Fixtures.oldSeed() : mutator.mutate(mutator.randomText(paragraphs: 6), edits: 20)
        let bytes = Array(text.utf8)
        for token in Tokenizer.tokens(in: text) {
            let expected = bytes[token.range].withUnsafeBufferPointer { TokenNormalizer.key(of: $0) }
            #expect(token.key == expected, "\(String(decoding: bytes[token.range], as: UTF8.self))")
        }
    }
}
