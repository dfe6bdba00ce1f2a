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
