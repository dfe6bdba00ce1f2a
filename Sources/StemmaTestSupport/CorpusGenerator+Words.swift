extension CorpusGenerator {
    static let determiners = ["the", "a", "one", "another", "every", "the first", "the latest", "no", "that", "this"]
    static let adjectives = """
        local federal regional national military economic political senior former acting new major rural urban coastal \
        northern southern eastern western independent private public emergency temporary annual quarterly early late \
        cautious defiant fragile growing sudden unexpected disputed joint rival small large rising falling narrow broad \
        key leading veteran young elderly foreign domestic municipal state county city harbor border remote central
        """.split(separator: " ").map(String.init)
    static let nouns = """
        council committee ministry agency court judge panel official spokesman spokeswoman mayor governor senator \
        minister envoy negotiator delegation convoy shipment bridge road port railway airport hospital school clinic \
        factory mine farm market bank budget plan proposal report inquiry audit survey vote election campaign protest \
        strike storm flood fire drought harvest outbreak ceasefire treaty deal contract tariff sanction loan grant fund \
        pipeline reservoir dam tunnel highway ferry fleet union coalition party commission regulator insurer lender \
        tenant landlord reporter editor researcher scientist engineer doctor nurse teacher farmer trader investor
        """.split(separator: " ").map(String.init)
    static let verbs = """
        says approves rejects delays announces expects warns confirms denies plans opens closes cuts raises reviews \
        suspends extends halts resumes signs backs blocks seeks demands offers expands reduces inspects funds \
        questions defends abandons secures restores restricts doubles triples estimates reports predicts urges
        """.split(separator: " ").map(String.init)
    static let pastTense: [String: String] = Dictionary(uniqueKeysWithValues: verbs.map { verb in
        let stem = String(verb.dropLast())
        switch verb {
        case "says": return (verb, "said")
        case "cuts": return (verb, "cut")
        case "signs", "backs", "blocks", "seeks", "demands", "offers", "expands", "opens", "warns", "funds", "urges":
            return (verb, stem.hasSuffix("e") ? stem + "d" : (verb == "seeks" ? "sought" : stem + "ed"))
        default: return (verb, stem.hasSuffix("e") ? stem + "d" : stem + "ed")
        }
    })
    static let prepositions = ["in", "near", "outside", "across", "north of", "south of", "around", "beyond", "inside", "along"]
    static let timeWords = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "today", "yesterday", "so far", "earlier", "now"]
    static let sources = (0..<24).map { index in "The \(syllableName(index, syllables: 2)) \(["Ledger", "Courier", "Herald", "Tribune", "Post", "Times"][index % 6])" }
    static let places = (0..<400).map { syllableName($0 &* 7 &+ 3, syllables: 2 + $0 % 2) }
    static let firstNames = (0..<160).map { syllableName($0 &* 13 &+ 5, syllables: 2) }
    static let lastNames = (0..<400).map { syllableName($0 &* 31 &+ 11, syllables: 2 + $0 % 2) }

    /// A pronounceable capitalised name built from syllables, the same for the same index.
    static func syllableName(_ index: Int, syllables: Int) -> String {
        let onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr", "gr", "kh", "sh"]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ei"]
        let codas = ["", "n", "r", "l", "s", "k", "m", "st", "nd"]
        var state = UInt64(truncatingIfNeeded: index) &+ 0x1234_5678
        var name = ""
        for _ in 0..<syllables {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bits = Int(truncatingIfNeeded: state >> 33)
            name += onsets[bits % onsets.count] + vowels[(bits / 20) % vowels.count] + codas[(bits / 160) % codas.count]
        }
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
