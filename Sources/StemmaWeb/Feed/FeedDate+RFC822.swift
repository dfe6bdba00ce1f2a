extension FeedDate {
    /// RFC 822 as amended by RFC 1123 and RFC 2822: `[Wed,] 31 Dec 2003 10:14[:55] zone`,
    /// read word by word so that feeds' variants also pass: a missing or misspelt weekday,
    /// full month names, the month before the day (`Dec 31, 2003`, and asctime's
    /// `Wed Dec 31 10:14:55 2003`), two-digit years, a missing time or zone (UTC).
    ///
    /// Two-digit years follow RFC 2822 §4.3: 00–49 are 2000–2049, 50–99 are 1950–1999.
    /// Military one-letter zones other than `Z` mean "unknown" there, and count as UTC.
    static func rfc822(_ text: String) -> String? {
        let words = text.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?, offset: Int?
        for word in words {
            let lower = word.lowercased()
            if word.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(word) {
                if word.count <= 2, day == nil, value >= 1 {
                    day = value
                } else if year == nil {
                    year = word.count == 2 ? (value < 50 ? 2000 + value : 1900 + value) : word.count == 3 ? 1900 + value : value
                } else {
                    return nil
                }
            } else if word.contains(":"), time == nil, let parsed = clock(word) {
                time = parsed.time
                if let zone = parsed.zone { offset = zone }
            } else if let name = months.firstIndex(where: { lower.hasPrefix($0) }), month == nil, lower.count >= 3 {
                month = name + 1
            } else if weekdays.contains(where: { lower.hasPrefix($0) }) {
                continue
            } else if offset == nil, let zone = zone(lower) {
                offset = zone
            } else {
                return nil
            }
        }
        guard let day, let month, let year else { return nil }
        let (hour, minute, second) = time ?? (0, 0, 0)
        return Moment(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset ?? 0).iso
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// North American zones are RFC 822's; the rest are the abbreviations feeds commonly use.
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 60, "west": 60, "cet": 60, "cest": 120,
        "met": 60, "mest": 120, "eet": 120, "eest": 180, "msk": 180, "ist": 330, "jst": 540, "kst": 540,
        "awst": 480, "acst": 570, "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
        "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600, "ast": -240, "adt": -180,
    ]

    /// Minutes east of UTC for `+0100`, `-05:00`, `GMT+2`, a named zone or a military letter.
    private static func zone(_ word: String) -> Int? {
        if let named = zones[word] { return named }
        if word.count == 1, let letter = word.first, letter.isLetter, letter != "j" { return 0 }
        var rest = Substring(word)
        for prefix in ["gmt", "utc", "ut"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let digits = rest.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
        let minutes = digits.count <= 2 ? value * 60 : value / 100 * 60 + value % 100
        return sign == "-" ? -minutes : minutes
    }

    /// `10:14`, `10:14:55`, and a zone glued on (`10:14:55Z`, `10:14:55+0100`).
    private static func clock(_ word: Substring) -> (time: (Int, Int, Int), zone: Int?)? {
        let end = word.firstIndex { !$0.isNumber && $0 != ":" && $0 != "." } ?? word.endIndex
        let parts = word[..<end].split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 || $0.contains(".") }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2].prefix { $0 != "." }) : 0
        guard let second else { return nil }
        let zoneText = word[end...].lowercased()
        let zone = zoneText.isEmpty ? nil : self.zone(zoneText)
        guard zoneText.isEmpty || zone != nil else { return nil }
        return ((hour, minute, second), zone)
    }
}
