import Foundation
import StemmaTestSupport
@testable import StemmaWeb

/// One check from a feedparser test file's `Expect:` line that ``FeedReader`` can answer,
/// such as `entries[0]['link'] == u'http://example.com/'`.
///
/// Only exact equalities on fields the reader has are taken: `feed['title']`, `feed['link']`,
/// and the first entry's `link`, `id`, `title`, `published_parsed` and `updated_parsed`. A
/// title whose expected value holds markup (`<` or `&`) is feedparser's sanitizer at work, not
/// plain text, and is skipped, and so is a whole line with `or` in it.
struct FeedExpectation: CustomStringConvertible {
    enum Field: String { case feedTitle, feedLink, link, id, title, published, updated }

    var file: String
    var field: Field
    var expected: String

    var description: String { "\(file): \(field) == \(expected)" }

    /// The value the reader gave for the field, or nil.
    func actual(in feed: Feed) -> String? {
        switch field {
        case .feedTitle: return feed.title
        case .feedLink: return feed.link
        case .link: return feed.entries.first?.url
        case .id: return feed.entries.first?.id
        case .title: return feed.entries.first?.title
        case .published: return feed.entries.first?.published
        case .updated: return feed.entries.first?.updated
        }
    }

    /// The checks in the head of a test file.
    static func parse(_ bytes: [UInt8], file: String) -> [FeedExpectation] {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        guard let line = head.split(whereSeparator: \.isNewline).first(where: { $0.contains("Expect:") }) else { return [] }
        let expression = String(line[line.range(of: "Expect:")!.upperBound...]).trimmingCharacters(in: .whitespaces)
        let clauses = splitOutsideQuotes(expression, on: " and ")
        guard splitOutsideQuotes(expression, on: " or ").count == 1 else { return [] }
        return clauses.compactMap { clause(String($0), file: file) }
    }

    /// The HTTP charset a file's `Header: Content-type:` line declares, as the test server sent it.
    static func charset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        guard let line = head.split(whereSeparator: \.isNewline).first(where: { $0.lowercased().contains("header:") && $0.lowercased().contains("content-type") }),
            let range = line.lowercased().range(of: "charset=")
        else { return nil }
        let offset = line.lowercased().distance(from: line.lowercased().startIndex, to: range.upperBound)
        return String(line.dropFirst(offset).prefix { !$0.isWhitespace && $0 != ";" && $0 != "\"" })
    }

    /// The value of a `Header: Name: value` line in a test file's head.
    static func header(_ name: String, in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        for line in head.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            if words.count == 3, words[0] == "Header", words[1].lowercased() == name { return words[2] }
        }
        return nil
    }

    private static let pattern = try! NSRegularExpression(
        pattern: #"^(entries\[0\]|feed)\['([a-z_]+)'\] == (.+)$"#)

    private static func clause(_ text: String, file: String) -> FeedExpectation? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let scope = Range(match.range(at: 1), in: text), let key = Range(match.range(at: 2), in: text),
            let literal = Range(match.range(at: 3), in: text)
        else { return nil }
        let isFeed = text[scope] == "feed"
        let field: Field
        switch (isFeed, String(text[key])) {
        case (true, "title"): field = .feedTitle
        case (true, "link"): field = .feedLink
        case (false, "link"): field = .link
        case (false, "id"): field = .id
        case (false, "title"): field = .title
        case (false, "published_parsed"): field = .published
        case (false, "updated_parsed"): field = .updated
        default: return nil
        }
        let value = String(text[literal])
        if field == .published || field == .updated {
            return isoDate(fromTuple: value).map { FeedExpectation(file: file, field: field, expected: $0) }
        }
        guard let string = pythonString(value) else { return nil }
        if field == .title || field == .feedTitle, string.contains("<") || string.contains("&") { return nil }
        return FeedExpectation(file: file, field: field, expected: string)
    }

    /// `(2003, 12, 31, 10, 14, 55, 2, 365, 0)`, a Python `struct_time` in UTC, as ISO 8601.
    private static func isoDate(fromTuple text: String) -> String? {
        guard text.hasPrefix("("), text.hasSuffix(")") else { return nil }
        let numbers = text.dropFirst().dropLast().split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 9 else { return nil }
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
    }

    /// A Python string literal, `u'...'` or `"..."`, with its escapes; nil for anything else.
    private static func pythonString(_ text: String) -> String? {
        var scalars = Array((text.hasPrefix("u") ? String(text.dropFirst()) : text).unicodeScalars)
        guard scalars.count >= 2, let quote = scalars.first, quote == "'" || quote == "\"", scalars.last == quote else { return nil }
        scalars = Array(scalars.dropFirst().dropLast())
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == quote { return nil }  // two literals joined: not one equality
            guard scalar == "\\", i + 1 < scalars.count else {
                result.append(scalar)
                i += 1
                continue
            }
            let next = scalars[i + 1]
            i += 2
            switch next {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "x", "u", "U":
                let width = next == "x" ? 2 : next == "u" ? 4 : 8
                guard i + width <= scalars.count, let code = UInt32(String(String.UnicodeScalarView(scalars[i..<(i + width)])), radix: 16),
                    let decoded = Unicode.Scalar(code)
                else { return nil }
                result.append(decoded)
                i += width
            default: result.append(next)
            }
        }
        return String(result)
    }

    private static func splitOutsideQuotes(_ text: String, on separator: String) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex, index = text.startIndex
        var quote: Character?
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == "\\" { index = text.index(after: index) } else if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if text[index...].hasPrefix(separator) {
                parts.append(text[start..<index])
                index = text.index(index, offsetBy: separator.count)
                start = index
                continue
            }
            if index < text.endIndex { index = text.index(after: index) }
        }
        parts.append(text[start...])
        return parts
    }
}
