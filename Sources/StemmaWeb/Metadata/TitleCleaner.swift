/// The article's title from the document's `<title>`: the site's name cut off (`Story | Site`,
/// `Site » Section » Story`, `Site: Story`) when what remains still reads as a title.
///
/// Readability's rules: cut at the last separator, or after the first when fewer than three words
/// remain; a colon title is cut unless a heading repeats it whole; a title too long or too short
/// gives way to the page's only `h1`; and a result of four words or fewer is trusted only when it
/// is what the separators left. No site's name is listed anywhere.
enum TitleCleaner {
    static let separators: Set<Character> = ["|", "-", "–", "—", "\\", "/", ">", "»"]
    static let hierarchical: Set<Character> = ["\\", "/", ">", "»"]

    static func articleTitle(from title: String, headings: [String]) -> String {
        let original = PageMetadata.collapsed(title)
        var current = original
        var hadHierarchical = false
        let separatorPositions = spacedSeparators(in: original)
        if let last = separatorPositions.last, let first = separatorPositions.first {
            hadHierarchical = separatorPositions.contains { hierarchical.contains(original[$0]) }
            current = String(original[..<last])
            if wordCount(current) < 3 { current = String(original[original.index(after: first)...]) }
        } else if original.contains(": ") {
            if !headings.contains(where: { $0 == original }) {
                let parts = original.split(separator: ":", omittingEmptySubsequences: false)
                current = String(parts.last ?? "")
                if wordCount(current) < 3 {
                    current = parts.dropFirst().joined(separator: ":")
                } else if wordCount(String(parts.first ?? "")) > 5 {
                    current = original
                }
            }
        } else if original.count > 150 || original.count < 15, headings.count == 1 {
            current = headings[0]
        }
        current = PageMetadata.collapsed(current)
        let words = wordCount(current)
        let withoutSeparators = original.filter { !separators.contains($0) }
        if words <= 4 && (!hadHierarchical || words != wordCount(withoutSeparators) - 1) { return original }
        return current
    }

    /// Positions of separator characters that have a space on each side.
    private static func spacedSeparators(in text: String) -> [String.Index] {
        var result: [String.Index] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if separators.contains(text[index]), index > text.startIndex, text[text.index(before: index)] == " ",
               next < text.endIndex, text[next] == " " {
                result.append(index)
            }
            index = next
        }
        return result
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }
}
