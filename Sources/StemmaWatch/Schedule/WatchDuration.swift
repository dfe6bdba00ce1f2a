import Foundation

/// Durations as users type them: `90s`, `15m`, `2h`, `1d`, `1w`, or bare seconds (`2`, `0.5`).
public enum WatchDuration {
    public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        public var text: String
        public var reason: String

        public var description: String { "\(reason): '\(text)'" }
    }

    public static func seconds(_ text: String) throws(Error) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        var number = Substring(trimmed), scale = 1.0
        if let last = trimmed.last, let unit = units[last] {
            number = trimmed.dropLast()
            scale = unit
        }
        guard let value = Double(number), value.isFinite, value >= 0 else {
            throw Error(text: text, reason: "not a duration (like 90s, 15m, 2h, 1d)")
        }
        return value * scale
    }
}
