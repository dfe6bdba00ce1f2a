import Foundation

/// A change no reader would call an edit: whitespace only, or only the page's own timestamp line
/// ("Updated 10:42 a.m. EST, March 2, 2022"). Such versions are kept and flagged, not announced.
public enum MinorChange {
    public static func isMinor(old: [UInt8], new: [UInt8]) -> Bool {
        let oldLines = lines(old), newLines = lines(new)
        if oldLines == newLines { return true }
        return oldLines.filter { !isTimestamp($0) } == newLines.filter { !isTimestamp($0) }
    }

    /// The text's non-empty lines, whitespace collapsed: whitespace-only edits compare equal.
    static func lines(_ text: [UInt8]) -> [[Substring]] {
        String(decoding: text, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: \.isWhitespace) }
            .filter { !$0.isEmpty }
    }

    /// Words a timestamp line is made of besides numbers: month and day names, zones, and the
    /// verbs pages put before them.
    static let timestampWords: Set<String> = [
        "updated", "update", "published", "posted", "last", "modified", "edited", "on", "at", "and", "am", "pm", "a.m", "p.m",
        "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "et", "pt", "ago", "minutes",
        "minute", "hours", "hour", "today", "yesterday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ]

    /// A short line of dates, times and those words only, with at least one number in it.
    static func isTimestamp(_ words: [Substring]) -> Bool {
        guard words.count <= 14 else { return false }
        var sawNumber = false
        for word in words {
            let bare = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
            if bare.isEmpty { continue }
            if bare.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "-" || $0 == "/" || $0 == "." || $0 == "t" || $0 == "z" }),
                bare.contains(where: \.isNumber) {
                sawNumber = true
                continue
            }
            guard timestampWords.contains(bare) else { return false }
        }
        return sawNumber
    }
}
