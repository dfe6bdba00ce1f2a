import Foundation

/// A size in bytes written for people: `10MB`, `512KiB`, `2048`.
public enum ByteCount {
    /// The number of bytes `text` names, or nil when it is not a size. Units: B, KB, MB, GB (powers
    /// of 1000) and KiB, MiB, GiB (powers of 1024), in any case.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingPrefix(while: \.isWhitespace)
        let digits = trimmed.prefix(while: \.isNumber)
        guard let value = Int(digits), value >= 0 else { return nil }
        let unit = String(trimmed.dropFirst(digits.count)).trimmingCharacters(in: .whitespaces).uppercased()
        let multipliers: [String: Int] = [
            "": 1, "B": 1, "K": 1_000, "KB": 1_000, "M": 1_000_000, "MB": 1_000_000, "G": 1_000_000_000, "GB": 1_000_000_000,
            "KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30,
        ]
        guard let multiplier = multipliers[unit] else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : bytes
    }
}
