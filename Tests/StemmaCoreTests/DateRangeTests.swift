@testable import StemmaCore
import Testing

@Suite struct DateRangeTests {
    @Test(arguments: ["March", "0", "-1", "", "2022-13", "2022-03-32", "2022-3-1", "2022/03/01", "20220301", "２０２２"])
    func issue11_invalidBoundsAreRefusedByName(value: String) {
        #expect(throws: DateRange.InvalidDate(bound: "since", value: value)) { try DateRange(since: value) }
        #expect(throws: DateRange.InvalidDate(bound: "until", value: value)) { try DateRange(until: value) }
    }

    @Test func issue11_aStartAfterTheEndIsEmptyNotATrap() throws {
        let range = try DateRange(since: "2022-04-01", until: "2022-03-01")
        for date in ["2022-03-01", "2022-03-15", "2022-04-01", "2021", "2023"] { #expect(!range.contains(date)) }
    }

    @Test func aBoundCoversItsWholePeriod() throws {
        let march = try DateRange(since: "2022-03", until: "2022-03")
        #expect(march.contains("2022-03-01") && march.contains("2022-03-31T23:59:59Z") && march.contains("2022-03"))
        #expect(!march.contains("2022-02-28") && !march.contains("2022-04-01"))
        let day = try DateRange(since: "2022-03-02", until: "2022-03-02")
        #expect(day.contains("2022-03-02T10:00:00+01:00") && !day.contains("2022-03-03"))
        let open = try DateRange(since: "2022")
        #expect(open.contains("2022-01-01") && open.contains("9999") && !open.contains("2021-12-31"))
    }
}

@Suite struct DocumentIDTests {
    @Test(arguments: ["nul\u{0}id", "tab\tid", "line\nbreak", "bell\u{7}", "del\u{7F}", "c1\u{85}", ""])
    func issue11_controlCharactersAndNULAreRefused(id: String) {
        #expect(DocumentID.problem(with: id) != nil)
    }

    @Test(arguments: ["wt-2022-03-02", "a b", "Ünïcödé/路径", "https://example.com/story?id=1", "👩‍👩‍👧"])
    func ordinaryIDsAreAccepted(id: String) {
        #expect(DocumentID.problem(with: id) == nil)
    }

    @Test func theReasonNamesTheCharacter() {
        #expect(DocumentID.problem(with: "a\u{0}b") == "id contains a NUL character")
        #expect(DocumentID.problem(with: "a\u{1B}b") == "id contains the control character U+001B")
    }
}
