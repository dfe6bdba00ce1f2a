import Foundation
import StemmaCore
import StemmaIO
import Testing
@testable import StemmaWeb

@Suite struct WebPageTests {
    func text(_ html: String, mode: ExtractionMode = .text) -> String {
        String(decoding: WebPage(html: Array(html.utf8), mode: mode).text, as: UTF8.self)
    }

    @Test func blocksKeepTheirStructure() {
        let html = """
        <html><body><h1>Head</h1><p>One <b>bold</b>&nbsp;word.</p><ul><li>first</li><li>second</li></ul>
        <blockquote>Quoted.</blockquote><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>
        <p>Line<br>break</p><pre>  keep
          spaces</pre></body></html>
        """
        #expect(text(html) == "Head\n\nOne bold word.\n\nfirst\nsecond\n\nQuoted.\n\na\tb\nc\td\n\nLine\nbreak\n\n  keep\n  spaces")
    }

    @Test func sentencesAreNeverGluedAcrossBlocks() {
        #expect(text("<div>End of one.</div><div>Start of two.</div>") == "End of one.\n\nStart of two.")
        #expect(text("<li>item</li><li>next</li>") == "item\nnext")
    }

    @Test func invisibleAndHiddenContentIsDropped() {
        let html = """
        <p>Seen.</p><script>var hidden = 1;</script><style>p{}</style><noscript>No script.</noscript>
        <template><p>Template.</p></template><p hidden>Hidden.</p><p style="display: none">Styled away.</p>
        <p aria-hidden="true">Aria.</p><form><select><option>Choice</option></select></form>
        """
        #expect(text(html) == "Seen.")
    }

    @Test func entitiesAreDecoded() {
        #expect(text("<p>Fish &amp; chips &#8212; &eacute;t&eacute; &lt;tag&gt;</p>") == "Fish & chips — été <tag>")
    }

    @Test func strayEndTagsAndUnclosedMarkupStillRead() {
        #expect(text("<p>Before</html><p>After <b>unclosed <i>markup") == "Before\n\nAfter unclosed markup")
    }

    @Test func nulBytesBecomeReplacementCharacters() {
        let page = WebPage(html: Array("<p>a".utf8) + [0] + Array("b</p>".utf8), mode: .text)
        #expect(String(decoding: page.text, as: UTF8.self) == "a\u{FFFD}b")
    }

    @Test func legacyCharsetFromMetaIsDecoded() {
        let bytes = Array("<meta charset=windows-1252><p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        let page = WebPage(html: bytes, mode: .text)
        #expect(String(decoding: page.text, as: UTF8.self) == "café")
        #expect(page.encoding == "windows-1252")
    }

    @Test func deepNestingAndHugeAttributesDoNotCrash() {
        let deep = String(repeating: "<div>", count: 100_000) + "<p>Deep text.</p>" + String(repeating: "</div>", count: 100_000)
        #expect(text(deep).contains("Deep text."))
        let huge = "<p title=\"" + String(repeating: "x", count: 10 << 20) + "\">Attribute text.</p>"
        #expect(text(huge) == "Attribute text.")
    }

    @Test func metadataComesFromStructuredDataFirst() {
        let html = """
        <html lang="en-GB"><head><title>Bridge reopens after repairs | The Harbor Gazette</title>
        <link rel="canonical" href="https://gazette.example/2022/03/02/bridge">
        <meta property="og:site_name" content="The Harbor Gazette">
        <meta property="article:modified_time" content="2022-03-03T08:00:00Z">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList"},
        {"@type":"NewsArticle","headline":"Bridge reopens after repairs","author":[{"@type":"Person","name":"Ada Lane"}],
        "datePublished":"2022-03-02T09:30:00Z"}]}</script></head><body><p>Text.</p></body></html>
        """
        let page = WebPage(html: Array(html.utf8))
        #expect(page.title == "Bridge reopens after repairs")
        #expect(page.byline == "Ada Lane")
        #expect(page.published == "2022-03-02T09:30:00Z")
        #expect(page.modified == "2022-03-03T08:00:00Z")
        #expect(page.url == "https://gazette.example/2022/03/02/bridge")
        #expect(page.siteName == "The Harbor Gazette")
        #expect(page.language == "en-GB")
    }

    @Test(arguments: [
        ("Bridge reopens after two years of repairs | The Harbor Gazette", "Bridge reopens after two years of repairs"),
        ("Bridge reopens after two years of repairs – The Harbor Gazette", "Bridge reopens after two years of repairs"),
        // Readability's rule: the part before the last separator, even when it is the site's.
        ("The Harbor Gazette » News » Bridge reopens after two years of repairs", "The Harbor Gazette » News"),
        ("Short | Site", "Short | Site"),
    ])
    func titleLosesTheSiteName(title: String, expected: String) {
        #expect(TitleCleaner.articleTitle(from: title, headings: []) == expected)
    }

    @Test func dateInTheURLIsTheLastResort() {
        #expect(URLDate.date(in: "https://news.example/2022/03/02/story") == "2022-03-02")
        #expect(URLDate.date(in: "https://news.example/story-2022-03-02.html") == "2022-03-02")
        #expect(URLDate.date(in: "https://news.example/about") == nil)
    }
}

extension WebPageTests {
    @Test func scriptAndStyleBodiesAreDroppedBeforeParsingButJSONLDIsKept() throws {
        let html = "<p>a</p><SCRIPT type=x>if (a < b) { document.write('</p>'); }</script ><style>p > b {}</style>"
            + "<!-- <script> never closed --><script type=\"application/ld+json\">{\"headline\":\"H\"}</script><p>b</p>"
        let stripped = String(decoding: try #require(ScriptBodies.stripped(Array(html.utf8))), as: UTF8.self)
        #expect(stripped == "<p>a</p><SCRIPT type=x></script ><style></style>"
            + "<!-- <script> never closed --><script type=\"application/ld+json\">{\"headline\":\"H\"}</script><p>b</p>")
        #expect(ScriptBodies.stripped(Array("<p>no scripts</p>".utf8)) == nil)
        #expect(text(html) == "a\n\nb")
        let unclosed = "<p>before</p><script>var x = 1;"
        #expect(text(unclosed) == "before")
    }
}
