import ArgumentParser
import StemmaCore

/// `--since` and `--until` of the listings that filter by date (`families`, `index list`).
struct DateFilterOptions: ParsableArguments {
    @Option(help: "Only those dated on or after this ISO date (YYYY, YYYY-MM or YYYY-MM-DD); a family, when a member is.")
    var since: String?

    @Option(help: "Only those dated on or before this ISO date; a family, when a member is.")
    var until: String?

    func validate() throws {
        do { _ = try range() } catch let error as DateRange.InvalidDate {
            throw ValidationError("--\(error)")
        }
    }

    /// The range, or nil when neither bound is given; a start after the end lists nothing.
    func range() throws -> DateRange? {
        since != nil || until != nil ? try DateRange(since: since, until: until) : nil
    }
}
