extension SentenceSplitter {
    /// Abbreviations after which a period never ends a sentence: titles and months are followed by
    /// a name or a number (`Mr. Putin`, `Gen. Milley`, `Feb. 24`).
    static let titleAbbreviations = TokenNormalizer.keys(of: [
        "mr", "mrs", "ms", "messrs", "dr", "st", "gen", "sen", "sens", "rep", "reps", "gov", "lt", "col",
        "sgt", "capt", "cpl", "maj", "adm", "cmdr", "prof", "rev", "hon", "pres", "supt", "det", "insp",
        "mt", "ft", "ste", "fr", "sr", "jr", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "approx", "dept", "univ", "assn", "bros", "ave", "blvd",
    ])

    /// Abbreviations that stand before a number: `No. 5`, `Vol. 2`, `p. 14`.
    static let numberAbbreviations = TokenNormalizer.keys(of: ["no", "nos", "vol", "vols", "p", "pp", "fig", "art", "sec", "ch"])

    /// Abbreviations that often end a sentence as well as stand inside one (`Apple Inc.`, `et al.`).
    /// After these, and after initialisms such as `U.S.`, a sentence ends only when the next word is
    /// one that commonly opens a sentence.
    static let ambiguousAbbreviations = TokenNormalizer.keys(of: ["inc", "corp", "ltd", "co", "etc", "al", "llc", "plc"])

    /// The initialisms of a clock time.
    static let clockSuffixes = TokenNormalizer.keys(of: ["a.m.", "p.m."])

    /// What follows a clock time inside its sentence: a day, a month, a time zone.
    static let timeQualifiers = TokenNormalizer.keys(of: [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
        "tomorrow", "yesterday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst",
        "pdt", "akst", "hst", "gmt", "utc", "bst", "cet", "cest", "eastern", "central", "mountain", "pacific",
        "local", "time",
    ])

    /// Words that commonly open a sentence in news prose; they decide the ambiguous cases above.
    static let sentenceStarters = TokenNormalizer.keys(of: [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "this",
        "that", "these", "those", "there", "here", "in", "on", "at", "for", "from", "by", "with", "his",
        "her", "its", "their", "our", "my", "mr", "mrs", "ms", "dr", "after", "before", "as", "when",
        "while", "if", "some", "many", "most", "still", "meanwhile", "however", "officials", "yet",
        "also", "then", "now", "no", "not", "one", "two", "what", "who", "why", "how", "where", "each",
        "both", "all", "other", "others", "such", "since", "until", "although", "though", "because",
    ])

    /// Words that cannot end a clause, so a colon after them announces what follows: a list, once
    /// the page showed one (`The candidates are:`).
    static let complementWords = TokenNormalizer.keys(of: [
        "are", "is", "were", "was", "be", "include", "includes", "included", "including", "following",
        "follows", "namely", "among",
    ])

    /// `By`, which opens a byline.
    static let byKey = TokenNormalizer.key(of: "by")
}
