import Testing
@testable import StemmaWeb

@Suite struct WebPageTests {
    @Test func paragraphsAreSeparated() {
        let page = WebPage(html: Array("<html><body><p>One.</p><p>Two.</p></body></html>".utf8), mode: .text)
        #expect(String(decoding: page.text, as: UTF8.self) == "One.\n\nTwo.")
    }
}
