extension FeedDate {
    /// RFC 3339 and its W3C-DTF profile of ISO 8601: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, then
    /// `Thh:mm`, `:ss`, fractions (dropped), and `Z` or `±hh:mm` (`±hhmm`, `±hh` tolerated).
    /// A space may stand for the `T`, as RFC 3339 §5.6 allows.
    static func w3c(_ bytes: [UInt8]) -> String? {
        var scanner = DigitScanner(bytes: bytes)
        guard let year = scanner.number(4) else { return nil }
        var moment = Moment(year: year, month: 1, day: 1)
        if scanner.isAtEnd { return moment.iso }
        guard scanner.skip("-"), let month = scanner.number(2) else { return nil }
        moment.month = month
        if scanner.isAtEnd { return moment.iso }
        guard scanner.skip("-"), let day = scanner.number(2) else { return nil }
        moment.day = day
        if scanner.isAtEnd { return moment.iso }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
            let hour = scanner.number(2), scanner.skip(":"), let minute = scanner.number(2)
        else { return nil }
        (moment.hour, moment.minute) = (hour, minute)
        if scanner.skip(":") {
            guard let second = scanner.number(2) else { return nil }
            moment.second = second
            if scanner.skip(".") || scanner.skip(",") {
                while scanner.number(1) != nil {}
            }
        }
        if scanner.isAtEnd || scanner.skip("Z") || scanner.skip("z") {
            return scanner.isAtEnd ? moment.iso : nil
        }
        let sign: Int
        if scanner.skip("+") { sign = 1 } else if scanner.skip("-") { sign = -1 } else { return nil }
        guard let hours = scanner.number(2) else { return nil }
        var minutes = 0
        if !scanner.isAtEnd {
            _ = scanner.skip(":")
            guard let value = scanner.number(2) else { return nil }
            minutes = value
        }
        guard scanner.isAtEnd, minutes < 60 else { return nil }
        moment.offset = sign * (hours * 60 + minutes)
        return moment.iso
    }

    /// Reads fixed-width numbers and single characters from ASCII bytes.
    struct DigitScanner {
        let bytes: [UInt8]
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func number(_ width: Int) -> Int? {
            guard position + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<(position + width)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            position += width
            return value
        }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }
    }
}
