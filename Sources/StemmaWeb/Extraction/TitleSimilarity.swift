/// How much of one title's words another shares, as Readability compares a heading with the
/// page's title: 1 minus the share of the second text's words (by length) not in the first.
enum TitleSimilarity {
    static func similarity(_ first: [UInt8], _ second: [UInt8]) -> Double {
        let a = words(first)
        let b = words(second)
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let known = Set(a)
        let unique = b.filter { !known.contains($0) }
        let total = b.joined(separator: " ").count
        guard total > 0 else { return 0 }
        return 1 - Double(unique.joined(separator: " ").count) / Double(total)
    }

    /// Lower-cased words: runs of letters and digits.
    static func words(_ text: [UInt8]) -> [String] {
        String(decoding: text, as: UTF8.self).lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init)
    }
}
