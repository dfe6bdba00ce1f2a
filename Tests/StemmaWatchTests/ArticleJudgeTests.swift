import StemmaWatch
import StemmaWeb
import Testing

@Suite struct ArticleJudgeTests {
    func page(_ text: String, title: String? = "A story") -> WebPage {
        var page = WebPage(html: [], mode: .none)
        page.text = Array(text.utf8)
        page.title = title
        return page
    }

    let longText = String(repeating: "The council met on Monday and agreed the budget, after a long debate about roads. ", count: 10)

    @Test func emptyAndShrunkArticlesAreJunk() {
        #expect(JunkCheck.reason(page(""), previousWords: nil)?.hasPrefix("an empty article") == true)
        #expect(JunkCheck.reason(page(longText), previousWords: nil) == nil)
        #expect(JunkCheck.reason(page(String(longText.prefix(200))), previousWords: 150)?.hasPrefix("the article shrank") == true)
        // A short item may halve without being junk.
        #expect(JunkCheck.reason(page(String(longText.prefix(200))), previousWords: 50) == nil)
        #expect(JunkCheck.reason(page(String(longText.prefix(400)), title: "404 Not Found"), previousWords: nil)?.hasPrefix("an error page") == true)
    }

    @Test func whitespaceAndTimestampLinesAreMinor() {
        let old = Array("Bridge reopens\n\nUpdated 10:42 a.m. EST, March 2, 2022\n\nThe bridge reopened.".utf8)
        #expect(MinorChange.isMinor(old: old, new: Array("Bridge reopens\n\nUpdated 11:05 a.m. EST, March 2, 2022\n\nThe bridge  reopened.".utf8)))
        #expect(MinorChange.isMinor(old: old, new: Array("Bridge reopens\n\nPosted 2022-03-02T11:05Z\n\nThe bridge reopened.".utf8)))
        #expect(!MinorChange.isMinor(old: old, new: Array("Bridge reopens\n\nUpdated 10:42 a.m. EST, March 2, 2022\n\nThe bridge reopened on March 2.".utf8)))
        #expect(!MinorChange.isMinor(old: Array("12 people".utf8), new: Array("15 people".utf8)))
    }

    @Test func theStoredTextLeadsWithTheHeadline() {
        #expect(String(decoding: WatchedText.of(page("Body.", title: "Head")), as: UTF8.self) == "Head\n\nBody.")
        #expect(String(decoding: WatchedText.of(page("Body.", title: nil)), as: UTF8.self) == "Body.")
    }
}
