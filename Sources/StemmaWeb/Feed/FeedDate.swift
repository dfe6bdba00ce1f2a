/// Feed dates normalized to ISO 8601 in UTC, `YYYY-MM-DDTHH:MM:SSZ`.
///
/// Feeds use RFC 822/1123 (RSS `pubDate`) and RFC 3339 / W3C-DTF (Atom, `dc:date`,
/// sitemaps), and often the wrong one for the element, so both are tried on every date.
/// A date without a time is midnight, one without a zone is UTC. Anything else is nil.
///
/// ```swift
/// FeedDate.iso("Wed, 31 Dec 2003 10:14:55 -0500")   // "2003-12-31T15:14:55Z"
/// FeedDate.iso("2003-12-31T10:14:55+01:00")          // "2003-12-31T09:14:55Z"
/// FeedDate.iso("2003-12-31")                         // "2003-12-31T00:00:00Z"
/// FeedDate.iso("last Tuesday")                       // nil
/// ```
enum FeedDate {
    static func iso(_ text: String) -> String? {
        let trimmed = FeedURL.trimmed(text)
        guard !trimmed.isEmpty, trimmed.utf8.count < 100 else { return nil }
        return w3c(Array(trimmed.utf8)) ?? rfc822(trimmed)
    }

    /// A moment in local time at `offset` minutes east of UTC.
    struct Moment {
        var year: Int, month: Int, day: Int
        var hour = 0, minute = 0, second = 0
        var offset = 0

        /// The moment in UTC, or nil if a field is out of range.
        var iso: String? {
            guard (1...12).contains(month), (1...Moment.days(in: month, of: year)).contains(day),
                (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
                abs(offset) < 24 * 60
            else { return nil }
            // A leap second is read as the last second of its minute.
            let seconds = Moment.days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60
                + min(second, 59) - offset * 60
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let time = seconds - days * 86_400
            let (y, m, d) = Moment.civil(fromDays: days)
            guard (1...9999).contains(y) else { return nil }
            return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(time / 3600, 2) + ":"
                + pad(time / 60 % 60, 2) + ":" + pad(time % 60, 2) + "Z"
        }

        private func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }

        static func days(in month: Int, of year: Int) -> Int {
            switch month {
            case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }

        /// Days since 1970-01-01 in the proleptic Gregorian calendar: Howard Hinnant's
        /// `days_from_civil` ("chrono-Compatible Low-Level Date Algorithms", 2013).
        static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        /// The inverse, Hinnant's `civil_from_days`.
        static func civil(fromDays days: Int) -> (Int, Int, Int) {
            let z = days + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let mp = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * mp + 2) / 5 + 1
            let month = mp < 10 ? mp + 3 : mp - 9
            return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
        }
    }
}
