import StemmaCore
import StemmaTestSupport
import Testing

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let analyzed = AnalyzedText(text)
        return analyzed.sentences.map { analyzed.string(of: $0) }
    }

    @Test(arguments: [
        // Titles, initials, initialisms and months do not end sentences.
        ("Mr. Putin met Dr. Smith and Gen. Milley. They talked.", ["Mr. Putin met Dr. Smith and Gen. Milley.", "They talked."]),
        ("David R. Sands wrote it. Then he left.", ["David R. Sands wrote it.", "Then he left."]),
        ("The U.N. General Assembly voted. The U.S. will go further.", ["The U.N. General Assembly voted.", "The U.S. will go further."]),
        ("It began on Feb. 24 in the east. Talks failed.", ["It began on Feb. 24 in the east.", "Talks failed."]),
        ("They met at 9 a.m. at the hall. It rained.", ["They met at 9 a.m. at the hall.", "It rained."]),
        ("It rose 2.5 percent. Prices fell.", ["It rose 2.5 percent.", "Prices fell."]),
        ("See No. 5 on the list. Done.", ["See No. 5 on the list.", "Done."]),
        ("He joined Apple Inc. in May. He left Acme Inc. The firm said so.", ["He joined Apple Inc. in May.", "He left Acme Inc.", "The firm said so."]),
        // Ellipses mid-sentence do not end it; before a capital they do.
        ("He paused … and went on. Then … Nothing.", ["He paused … and went on.", "Then …", "Nothing."]),
        // A sentence may end inside a quotation; the closing mark stays with it.
        ("“We haven’t seen the Chinese blame Mr. Putin for the violence he’s causing. Instead, they have been blaming the United States,” he said.",
         ["“We haven’t seen the Chinese blame Mr. Putin for the violence he’s causing.", "Instead, they have been blaming the United States,” he said."]),
        ("He said it was “impossible.” Others agreed.", ["He said it was “impossible.”", "Others agreed."]),
        ("“Why?” he asked. “Because.”", ["“Why?” he asked.", "“Because.”"]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
        ("They went to the U.S. He stayed home.", ["They went to the U.S.", "He stayed home."]),
    ])
    func splits(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    /// Issue 16, section 1: the conventions of real wire, broadcast and web copy.
    @Test(arguments: [
        // AP's `___` sets the credit line apart; the rule opens the credit's sentence.
        ("Police are looking into reports of the arrests. ___ Associated Press writer Jane Doe in Washington contributed to this report.",
         ["Police are looking into reports of the arrests.", "___ Associated Press writer Jane Doe in Washington contributed to this report."]),
        ("Police are looking into reports of the arrests.\n___\nAssociated Press writer Jane Doe in Washington contributed to this report.",
         ["Police are looking into reports of the arrests.", "___\nAssociated Press writer Jane Doe in Washington contributed to this report."]),
        ("The vote is on Friday --- and it will be close.", ["The vote is on Friday --- and it will be close."]),
        // BBC quotation marks typed as two apostrophes: the closing pair stays with its sentence.
        ("He said: ''We are appealing for help.''\n\nPolice said the man was hurt.",
         ["He said: ''We are appealing for help.''", "Police said the man was hurt."]),
        ("He said: ''We are appealing for help. ''\n\nPolice said the man was hurt.",
         ["He said: ''We are appealing for help. ''", "Police said the man was hurt."]),
        ("He said: ''We are appealing for help. ''", ["He said: ''We are appealing for help. ''"]),
        ("The man was hurt. ''We are appealing for help,'' a spokesman said. ''Call us.''",
         ["The man was hurt.", "''We are appealing for help,'' a spokesman said.", "''Call us.''"]),
        // A byline under a headline of the same width is a line of its own.
        ("Three candidates vie for open seat on county board\nBy Nora Whitfield\n\nVoters choose on Tuesday.",
         ["Three candidates vie for open seat on county board", "By Nora Whitfield", "Voters choose on Tuesday."]),
        // A clock time ends a sentence before a new one, but not before what qualifies it.
        ("Polls are open from 7 a.m. to 8 p.m. Results will be posted online.", ["Polls are open from 7 a.m. to 8 p.m.", "Results will be posted online."]),
        ("The vote closes at 8 p.m. Tuesday in every district.", ["The vote closes at 8 p.m. Tuesday in every district."]),
        ("The launch is set for 9 a.m. EDT on the coast.", ["The launch is set for 9 a.m. EDT on the coast."]),
        ("Doors open at 6 p.m. Eastern time.", ["Doors open at 6 p.m. Eastern time."]),
        // A colon after a clause that cannot be complete introduced a list the page no longer shows.
        ("The three candidates on the ballot are: They all live in the district.",
         ["The three candidates on the ballot are:", "They all live in the district."]),
        ("The finalists include: The mayor praised them all.", ["The finalists include:", "The mayor praised them all."]),
        ("The candidates are: Jane Doe, John Smith and Ann Lee.", ["The candidates are: Jane Doe, John Smith and Ann Lee."]),
        ("He promised this: The company will pay for the repairs.", ["He promised this: The company will pay for the repairs."]),
        // Bullet and numbered list items are sentences, their markers with them.
        ("The plan:\n• Close the bridge\n• Add ferry trips\n• Repair the beams\nThe council votes next week.",
         ["The plan:", "• Close the bridge", "• Add ferry trips", "• Repair the beams", "The council votes next week."]),
        ("- Close the bridge\n- Add ferry trips\n* Repair the beams", ["- Close the bridge", "- Add ferry trips", "* Repair the beams"]),
        ("1. Close the bridge.\n2. Add ferry trips. Then wait.\n3) Repair the beams", ["1. Close the bridge.", "2. Add ferry trips.", "Then wait.", "3) Repair the beams"]),
        // One-line bylines and photo credits stand alone.
        ("By Jane Doe and John Smith, Associated Press\nThe Senate passed the bill.", ["By Jane Doe and John Smith, Associated Press", "The Senate passed the bill."]),
        ("The mayor spoke at City Hall on Tuesday.\nPhoto: John Smith/Reuters\nShe left.", ["The mayor spoke at City Hall on Tuesday.", "Photo: John Smith/Reuters", "She left."]),
        ("A man walks past a damaged building in Kharkiv on Wednesday. (AP Photo/Jane Doe) Firefighters worked through the night.",
         ["A man walks past a damaged building in Kharkiv on Wednesday.", "(AP Photo/Jane Doe)", "Firefighters worked through the night."]),
        // A dateline stays with the first sentence, even where it holds an abbreviation's stop.
        ("KANSAS CITY, Mo. (AP) — A judge on Monday blocked the law. The state will appeal.",
         ["KANSAS CITY, Mo. (AP) — A judge on Monday blocked the law.", "The state will appeal."]),
        ("DUBAI, United Arab Emirates (AP) — Iran said Wednesday it had seized a tanker. The U.S. Navy said it was watching.",
         ["DUBAI, United Arab Emirates (AP) — Iran said Wednesday it had seized a tanker.", "The U.S. Navy said it was watching."]),
        ("LONDON (Reuters) - Shares fell on Monday.", ["LONDON (Reuters) - Shares fell on Monday."]),
        // `Related:` and `Read more:` lines are sentences of their own.
        ("The bridge will close on Friday.\nRelated: Harbor ferry adds trips\nThe closure will last 10 weeks.",
         ["The bridge will close on Friday.", "Related: Harbor ferry adds trips", "The closure will last 10 weeks."]),
        ("Read more: Why the bridge is closing, and for how long\nIt closes Friday.", ["Read more: Why the bridge is closing, and for how long", "It closes Friday."]),
        // Extracted pages: headings, list items and block quotes on lines of their own.
        ("What the council decided\nPrices rose.", ["What the council decided", "Prices rose."]),
        ("Jane Doe\nJohn Smith\nAnn Lee", ["Jane Doe", "John Smith", "Ann Lee"]),
        ("The council published its decision on Tuesday after a long debate in the chamber.\n“We will rebuild the bridge”\nThe vote was seven to two.",
         ["The council published its decision on Tuesday after a long debate in the chamber.", "“We will rebuild the bridge”", "The vote was seven to two."]),
        // Hard-wrapped prose is not broken where a line happens to end before a capital.
        ("The council met on Tuesday and voted to keep the old Library\nof Congress annex open through the summer months, while\nMayor Ruth Okafor said the city would look again at the\nbudget in October.",
         ["The council met on Tuesday and voted to keep the old Library\nof Congress annex open through the summer months, while\nMayor Ruth Okafor said the city would look again at the\nbudget in October."]),
    ])
    func issue16_realCopyConventions(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
        expectCoverage(AnalyzedText(text))
    }

    /// Sentences are consecutive token ranges covering every token once, as the lossless output needs.
    func expectCoverage(_ text: AnalyzedText) {
        var next = 0
        for sentence in text.sentences {
            #expect(sentence.tokens.lowerBound == next)
            next = sentence.tokens.upperBound
        }
        #expect(next == text.tokens.count)
    }

    @Test func paragraphsAreKeptAndEndSentences() {
        let text = AnalyzedText("First paragraph without a stop\n\nSecond one. Still second.\n\nThird.")
        #expect(text.sentences.map(\.paragraph) == [0, 1, 1, 2])
    }

    @Test func issue2_paragraphBreakAfterClosingQuoteIsKept() {
        let text = AnalyzedText("He said, “It ended. We won.”\n\nMr. Blinken left.")
        #expect(text.sentences.map(\.paragraph) == [0, 0, 1])
    }

    @Test func headlineLinesStandAlone() {
        let text = AnalyzedText("Russia bombards major Ukrainian cities as U.N. condemns Kremlin\nKYIV, Ukraine — Russia and Ukraine on Wednesday agreed to a second round of peace talks on the border.")
        #expect(text.sentences.count == 2)
        #expect(text.sentences[0].kind == .heading)
        #expect(text.string(of: text.sentences[0]) == "Russia bombards major Ukrainian cities as U.N. condemns Kremlin")
        #expect(text.sentences[1].kind == .text)
    }

    @Test func hardWrappedProseIsNotTakenForHeadlines() {
        let text = AnalyzedText("The council met on Tuesday and voted to keep the\nlibrary open through the summer months, officials said.")
        #expect(text.sentences.count == 1)
    }

    @Test func shortParagraphWithoutStopIsAHeading() {
        let text = AnalyzedText("Body text here.\n\nGlobal condemnation\n\nMore body text.")
        #expect(text.sentences.map(\.kind) == [.text, .heading, .text])
    }

    @Test func leadingDateMarkerIsMetadata() {
        let text = AnalyzedText(" date 2022-03-02 Russia and Ukraine on Wednesday agreed to talks. More followed.")
        #expect(text.sentences.map(\.kind) == [.metadata, .text, .text])
        #expect(text.string(of: text.sentences[0]) == "date 2022-03-02")
        #expect(text.markerDate == "2022-03-02")
        #expect(AnalyzedText("dated 2022 rules").markerDate == nil)
    }

    @Test func sentencesCoverEveryTokenOnce() throws {
        for source in [try Fixtures.oldSeed(), try Fixtures.newSeed()] {
            let text = AnalyzedText(source)
            var next = 0
            for sentence in text.sentences {
                #expect(sentence.tokens.lowerBound == next)
                next = sentence.tokens.upperBound
            }
            #expect(next == text.tokens.count)
        }
    }

    @Test func seedQuotationSplitsAsInTheIssue() throws {
        let sentences = sentences(try Fixtures.newSeed())
        #expect(sentences.contains("“We haven’t seen the Chinese blame Mr. Putin for the violence he’s causing."))
        #expect(sentences.contains("Instead, they have been blaming the United States, incredibly.”"))
        #expect(sentences.contains("“But we haven’t seen China join the list of countries that have enacted sanctions on Russia,” Mr. Kirby told reporters at the Pentagon."))
    }

    @Test func unicodeTextSplitsWithoutMisslicing() {
        let text = AnalyzedText("東京で会議が開かれた。参加者は百人だった。\n\nשלום. עולם.")
        #expect(text.sentences.count >= 3)
        for sentence in text.sentences {
            #expect(String(validating: Array(text.bytes[sentence.range]), as: UTF8.self) != nil)
        }
        #expect(text.string(of: text.sentences[0]) == "東京で会議が開かれた。")
    }
}
