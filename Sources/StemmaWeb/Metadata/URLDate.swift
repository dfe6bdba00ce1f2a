/// A publication date written in a page's URL: `/2022/03/02/`, `/2022-03-02-`, `/20220302/`.
enum URLDate {
    static func date(in url: String) -> String? {
        let parts = url.split(whereSeparator: { $0 == "/" || $0 == "?" || $0 == "#" }).map(String.init)
        for (index, part) in parts.enumerated() {
            if let year = year(part), index + 2 < parts.count, let month = number(parts[index + 1], 1...12),
               let day = number(String(parts[index + 2].prefix(2)), 1...31) {
                return format(year, month, day)
            }
            let digits = part.split(whereSeparator: { !$0.isNumber })
            if digits.count >= 3, let year = year(String(digits[0])), let month = number(String(digits[1]), 1...12),
               let day = number(String(digits[2]), 1...31), digits[1].count == 2, digits[2].count == 2 {
                return format(year, month, day)
            }
            if part.count == 8, part.allSatisfy(\.isNumber), let year = year(String(part.prefix(4))),
               let month = number(String(part.dropFirst(4).prefix(2)), 1...12), let day = number(String(part.suffix(2)), 1...31) {
                return format(year, month, day)
            }
        }
        return nil
    }

    private static func year(_ text: String) -> Int? {
        guard text.count == 4, let value = Int(text), (1990...2100).contains(value) else { return nil }
        return value
    }

    private static func number(_ text: String, _ range: ClosedRange<Int>) -> Int? {
        guard (1...2).contains(text.count), let value = Int(text), range.contains(value) else { return nil }
        return value
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
