/// An inclusive range of calendar dates, given as ISO 8601 prefixes: `2022`, `2022-03` or `2022-03-02`.
///
/// A bound covers its whole period: `since: "2022-03"` starts on 1 March, `until: "2022-03"` ends on
/// 31 March. Stored dates are ISO strings (a date or a date-time), so a date is compared on the prefix
/// as long as the bound, which orders as the calendar does. A range whose start follows its end is
/// valid and contains nothing.
///
/// ```swift
/// let march = try DateRange(since: "2022-03", until: "2022-03")
/// march.contains("2022-03-02T10:00:00Z")  // true
/// try DateRange(since: "March")          // throws DateRange.InvalidDate
/// ```
public struct DateRange: Sendable, Hashable {
    /// The first period included, or `nil` for no lower bound.
    public let since: String?
    /// The last period included, or `nil` for no upper bound.
    public let until: String?

    /// A bound that is not an ISO date of one of the accepted forms.
    public struct InvalidDate: Error, CustomStringConvertible, Equatable {
        /// `since` or `until`.
        public var bound: String
        public var value: String
        public var description: String {
            "\(bound): '\(value)' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
        }
    }

    /// - Throws: ``InvalidDate`` naming the bound and its value.
    public init(since: String? = nil, until: String? = nil) throws {
        if let since, !Self.isISODate(since) { throw InvalidDate(bound: "since", value: since) }
        if let until, !Self.isISODate(until) { throw InvalidDate(bound: "until", value: until) }
        self.since = since
        self.until = until
    }

    /// Whether the ISO date or date-time `date` falls within the range.
    public func contains(_ date: String) -> Bool {
        if let since, date.utf8.prefix(since.utf8.count).lexicographicallyPrecedes(since.utf8) { return false }
        if let until, until.utf8.lexicographicallyPrecedes(date.utf8.prefix(until.utf8.count)) { return false }
        return true
    }

    /// Whether `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month of 01–12 and a day of 01–31.
    static func isISODate(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard [4, 7, 10].contains(bytes.count) else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var result = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                result = result * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return result
        }
        guard number(0..<4) != nil else { return false }
        if bytes.count >= 7 {
            guard bytes[4] == UInt8(ascii: "-"), let month = number(5..<7), (1...12).contains(month) else { return false }
        }
        if bytes.count == 10 {
            guard bytes[7] == UInt8(ascii: "-"), let day = number(8..<10), (1...31).contains(day) else { return false }
        }
        return true
    }
}
