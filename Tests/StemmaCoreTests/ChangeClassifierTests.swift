import StemmaCore
import Testing

@Suite struct ChangeClassifierTests {
    @Test(arguments: [
        ("Repairs will cost $3.5 million, officials said.", "Repairs will cost $4.2 million, officials said.", [ChangeTag.numberChanged]),
        ("“We will rebuild the bridge,” the mayor said.", "“We will repair the bridge,” the mayor said.", [.quotationChanged]),
        // Quotation marks typed as two apostrophes, as broadcast copy does; an apostrophe alone quotes nothing.
        ("He said: ''We will rebuild the bridge.''", "He said: ''We will repair the bridge.''", [.quotationChanged]),
        ("The mayor's office will rebuild the bridge.", "The mayor's office will repair the bridge.", []),
        ("Guy Taylor contributed to this report.", "Guy Taylor and Bill Gertz contributed to this report.", [.namesAdded]),
        ("The mayor met Anna Berg and Tom Ruiz at the pier.", "The mayor met Tom Ruiz at the pier.", [.namesRemoved]),
        ("The council voted Wednesday to close the bridge.", "The council voted to close the bridge.", [.timeWordsRemoved]),
        ("The council voted to close the bridge.", "The council voted today to close the bridge.", [.timeWordsAdded]),
        ("Ten people have died so far in the storm.", "Ten people have died in the storm.", [.timeWordsRemoved]),
        ("Officials say the figure is in the thousands.", "Officials said the figure was in the thousands.", [.tenseOnly]),
        ("The closure signals a new approach by the city.", "The closure signaled a new approach by the city.", [.tenseOnly]),
        ("The trip will include Poland and Moldova — both of which took refugees.", "The trip will include Poland and Moldova, both of which took refugees.", [.punctuationOnly]),
        ("Russia’s envoy spoke at the meeting.", "Russia's envoy spoke at the meeting.", [.punctuationOnly]),
        ("Beijing’s Communist government agreed.", "Beijing’s communist government agreed.", [.caseOnly]),
        ("The ferry  leaves at noon every day.", "The ferry leaves at noon every day.", [.whitespaceOnly]),
    ])
    func tags(old: String, new: String, expected: [ChangeTag]) throws {
        let operation = try onlyOperation(old, new)
        #expect(operation.kind == .edited)
        #expect(operation.tags == expected)
    }

    @Test func detailsNameTheWords() throws {
        let operation = try onlyOperation(
            "On Wednesday Mayor Ruth Okafor said 1,200 cars cross daily.",
            "Mayor Ruth Okafor and engineer Anand Velasquez said 1,400 cars cross daily.")
        #expect(operation.details.numbersRemoved == ["1,200"])
        #expect(operation.details.numbersAdded == ["1,400"])
        #expect(operation.details.namesAdded == ["Anand Velasquez"])
        #expect(operation.details.timeWordsRemoved == ["Wednesday"])
        #expect(operation.tags == [.numberChanged, .namesAdded, .timeWordsRemoved])
    }

    @Test func wordsMovedWithinASplitAreNotNamesOrNumbersChanged() throws {
        let operation = try onlyOperation(
            "Russian officials signaled a hard line, with Foreign Minister Sergey Lavrov accusing the West of 2 failures.",
            "Russian officials signaled a hard line. Foreign Minister Sergey Lavrov accused the West of 2 failures.")
        #expect(operation.kind == .split)
        #expect(!operation.tags.contains(.namesRemoved))
        #expect(!operation.tags.contains(.numberChanged))
    }

    @Test func wordDiffReadsLikeAnEditorsMarks() throws {
        let diff = VersionDiff(
            old: "Missiles reportedly hit the city’s regional police building, intelligence headquarters, and other facilities.",
            new: "Missiles reportedly hit the city’s regional police building, intelligence headquarters and other facilities.")
        let changes = diff.operations[0].words.filter { $0.kind != .equal }
        #expect(changes.count == 1)
        #expect(changes[0].kind == .delete)
        #expect(diff.old.string(of: diff.old.tokens[changes[0].old.lowerBound]) == ",")
        // A lone "the" between two rewritten phrases is folded into one change, not left as noise.
        let rewrite = VersionDiff(old: "Officials praised the quick response of the fire crews.",
                                  new: "Residents criticized the slow arrival of the police units.")
        let runs = rewrite.operations.flatMap(\.words)
        #expect(runs.filter { $0.kind == .equal }.count <= 2)
    }
}
