import StemmaCore
import Testing

/// Issue 16, section 4: a table per tag, with cases where it must fire and cases where it must not.
@Suite struct ChangeClassifierTagTests {
    @Test(arguments: [
        ("At least seven people were hurt in the storm.", "At least eight people were hurt in the storm.", ["seven"], ["eight"]),
        ("Crews from six states are at work.", "Crews from nine states are at work.", ["six"], ["nine"]),
        ("Dozens of homes lost power.", "Hundreds of homes lost power overnight.", ["Dozens"], ["Hundreds"]),
        // Not figures: `one` as a pronoun, an ordinal, and a number word that only moved.
        ("No one was hurt in the fire.", "Nobody was hurt in the fire.", [], []),
        ("The bridge closed for a second time.", "The bridge closed for the first time in years.", [], []),
        ("Three engineers inspected the span on Monday.", "On Monday, three engineers inspected the span.", [], []),
    ] as [(String, String, [String], [String])])
    func numberChangedSeesFiguresInDigitsAndWords(old: String, new: String, removed: [String], added: [String]) throws {
        let operation = try onlyOperation(old, new)
        #expect(operation.details.numbersRemoved == removed)
        #expect(operation.details.numbersAdded == added)
        #expect(operation.tags.contains(.numberChanged) == !(removed.isEmpty && added.isEmpty))
    }

    @Test(arguments: [
        // Possessives and other forms of one name are the same name.
        ("The U.N. condemned the attack.", "The U.N.’s assembly condemned the attack.", [String](), [String]()),
        ("The plan by Greenfield was praised.", "The plan by Greenfield's team was praised.", [], []),
        ("The envoy, Greenfield, spoke first.", "The envoy, Linda Thomas-Greenfield, spoke first.", [], []),
        ("Later, Biden said talks would resume.", "Later, Joe Biden said talks would resume.", [], []),
        ("The statement came from Mr. Kirby after the talks.", "The statement came from John Kirby after the talks.", [], []),
        ("Russia’s envoy spoke, and the talks went well.", "The talks went well, and Russia’s envoy spoke.", [], []),
        // A name that moved to the other piece of a split is neither added nor removed.
        ("The council, led by Mayor Ruth Okafor, voted to close the bridge after an inspection found corrosion.",
         "The council voted to close the bridge after an inspection found corrosion. Mayor Ruth Okafor led the vote.", [], []),
        // Capitals by position are not names.
        ("He said, “we will rebuild.”", "He said, “We will rebuild.”", [], []),
        // New and lost names.
        ("Guy Taylor contributed to this report.", "Guy Taylor and Bill Gertz contributed to this report.", ["Bill Gertz"], []),
        ("The mayor met Anna Berg and Tom Ruiz at the pier.", "The mayor met Tom Ruiz at the pier.", [], ["Anna Berg"]),
        ("The award went to Hunter Biden last year.", "The award went to Joe Biden last year.", ["Joe Biden"], ["Hunter Biden"]),
        ("The U.N. voted on the measure.", "The U.N. General Assembly voted on the measure.", ["U.N. General Assembly"], []),
    ])
    func namesAddedAndRemoved(old: String, new: String, added: [String], removed: [String]) throws {
        let operation = try onlyOperation(old, new)
        #expect(operation.details.namesAdded == added)
        #expect(operation.details.namesRemoved == removed)
        #expect(operation.tags.contains(.namesAdded) == !added.isEmpty)
        #expect(operation.tags.contains(.namesRemoved) == !removed.isEmpty)
    }

    @Test(arguments: [
        ("Officials say the bridge is unsafe and must close.", "Officials said the bridge was unsafe and would close within weeks.", true),
        ("The closure signals a new approach, officials said.", "The closure signaled a sharp change, officials said on Friday.", true),
        ("The council is meeting on the bridge repairs.", "The council was meeting on the harbor bridge repairs.", true),
        ("Crews find rust in the beams, engineers say.", "Crews found rust in two beams, engineers say.", true),
        // A perfect auxiliary dropped or added before a past form.
        ("A rights group has said police detained thousands.", "A rights group said police detained thousands of people.", true),
        ("The government has skillfully rallied opinion, and went on.", "The government skillfully rallied opinion and went on.", true),
        ("China confirmed Wednesday that it will not be joining a wide-ranging sanctions campaign by the U.S. and countries around the world against Russia, saying so.",
         "China confirmed that it would not join a sanctions campaign by the U.S. and other countries against Russia, and it said so.", true),
        // A future auxiliary dropped after an earlier one still governs: no tense changed.
        ("The U.S. will go further and will specifically target billionaires.", "The U.S. will go further and specifically target billionaires.", false),
        // Tense alone is `tense-only`, not `tense-changed`.
        ("Officials say the figure is in the thousands.", "Officials said the figure was in the thousands.", false),
        ("The mayor praised the crews.", "The mayor thanked the crews.", false),
        ("Repairs will cost $3.5 million.", "Repairs will cost $4.2 million.", false),
        ("The report is due soon, the mayor said.", "The full report is due soon, the mayor said.", false),
    ])
    func tenseChanged(old: String, new: String, expected: Bool) throws {
        let operation = try onlyOperation(old, new)
        #expect(operation.tags.contains(.tenseChanged) == expected)
        #expect(!(operation.tags.contains(.tenseChanged) && operation.tags.contains(.tenseOnly)))
    }

    @Test func tenseOnlyStaysWhenTenseIsAllThatChanged() throws {
        let operation = try onlyOperation("Officials say the figure is in the thousands.", "Officials said the figure was in the thousands.")
        #expect(operation.tags == [.tenseOnly])
    }

    @Test(arguments: [
        ("Ten people have died so far in the storm.", "Ten people have died in the storm.", ["so far"], [String]()),
        ("Meanwhile, the ferry added trips.", "The ferry added trips.", ["Meanwhile"], []),
        ("The ferry has already added trips.", "The ferry has added trips.", ["already"], []),
        ("The council voted on Wednesday to close the bridge.", "The council voted to close the bridge.", ["Wednesday"], []),
        ("Officials have warned of delays in recent days.", "Officials have warned of delays.", ["in recent days"], []),
        ("Officials said earlier that the bridge would close.", "Officials said that the bridge would close.", ["earlier"], []),
        ("The mayor visited the site yesterday.", "The mayor visited the site.", ["yesterday"], []),
        ("The ferry runs today on a new schedule.", "The ferry runs on a new schedule.", ["today"], []),
        ("The council met last week to discuss the bridge.", "The council met to discuss the bridge.", ["last week"], []),
        ("Prices rose in recent days.", "Prices rose in recent weeks.", ["in recent days"], ["in recent weeks"]),
        ("The council voted to close the bridge.", "The council voted today to close the bridge.", [], ["today"]),
        // Not time expressions, or not changed.
        ("The council voted to close the bridge.", "The council voted to close the old bridge.", [], []),
        ("The last vote was close.", "The final vote was close.", [], []),
        ("The storm was far worse than expected.", "The storm was worse than expected.", [], []),
        ("The ferry already runs on Sunday, the owner said.", "The ferry already runs on Sunday, its owner said.", [], []),
    ])
    func timeWordsRemovedAndAdded(old: String, new: String, removed: [String], added: [String]) throws {
        let operation = try onlyOperation(old, new)
        #expect(operation.details.timeWordsRemoved == removed)
        #expect(operation.details.timeWordsAdded == added)
        #expect(operation.tags.contains(.timeWordsRemoved) == !removed.isEmpty)
        #expect(operation.tags.contains(.timeWordsAdded) == !added.isEmpty)
    }
}
