import Foundation
import StemmaTestSupport
import Testing
@testable import StemmaWeb

@Suite struct ArticleExtractorTests {
    /// A page made here: an article among navigation, a sidebar of links, comments and a footer.
    static let page: String = {
        let paragraph = "The harbor bridge reopened on Tuesday after two years of repairs, and the first buses crossed it at dawn, "
            + "carrying commuters who had spent months on the ferry instead."
        let paragraphs = (1...6).map { "<p>\(paragraph) Paragraph \($0) goes on, with details, figures and quotes.</p>" }.joined()
        let links = (1...20).map { "<li><a href=\"/n\($0)\">Other story \($0)</a></li>" }.joined()
        return """
        <html><head><title>Harbor bridge reopens | Gazette</title></head><body>
        <nav class="menu"><ul>\(links)</ul></nav>
        <div id="main"><article class="story-body"><h1>Harbor bridge reopens</h1>
        <div class="byline">By Ada Lane</div>\(paragraphs)
        <div class="share-tools"><a href="#">Share</a><a href="#">Tweet</a></div></article>
        <aside class="sidebar"><h3>Most read</h3><ul>\(links)</ul></aside></div>
        <div id="comments"><p>First comment, which is long enough to be a paragraph of its own, honestly it is.</p></div>
        <footer><p>Copyright the Gazette. All rights reserved. Terms, privacy and cookies.</p></footer></body></html>
        """
    }()

    @Test func theArticleIsKeptAndTheFurnitureDropped() {
        let page = WebPage(html: Array(Self.page.utf8))
        let text = String(decoding: page.text, as: UTF8.self)
        #expect(text.hasPrefix("The harbor bridge reopened on Tuesday"))
        #expect(text.contains("Paragraph 6 goes on"))
        for furniture in ["Other story", "Most read", "First comment", "Copyright", "Tweet", "By Ada Lane", "Harbor bridge reopens\n"] {
            #expect(!text.contains(furniture), "\(furniture) leaked into the article")
        }
        #expect(page.byline == "By Ada Lane")
        #expect(page.title == "Harbor bridge reopens | Gazette")
    }

    /// A floor on the development pages, so that extraction never regresses: Readability's own
    /// articles, scored by word 4-gram F1 as Benchmarks/extract/score.py scores all 130.
    @Test func readabilityPagesKeepTheirFloor() throws {
        let root = try Fixtures.shared("corpora/readability-test-pages")
        let names = ["001", "aclu", "bbc-1", "cnn", "guardian-1", "lemonde-1", "medium-1", "nytimes-1", "wapo-1", "wikipedia",
                     "ars-1", "blogger", "ehow-1", "heise", "herald-sun-1", "la-nacion", "liberation-1", "seattletimes-1", "tmz-1", "yahoo-1"]
        var scores: [Double] = []
        var titles = 0
        for name in names {
            let folder = root.appendingPathComponent(name)
            let source = [UInt8](try Data(contentsOf: folder.appendingPathComponent("source.html")))
            let expected = [UInt8](try Data(contentsOf: folder.appendingPathComponent("expected.html")))
            let metadata = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected-metadata.json"))) as? [String: Any]
            let page = WebPage(html: source, url: "http://fakehost/test/page.html")
            scores.append(ShingleScore.f1(predicted: page.text, expected: WebPage(html: expected, mode: .text).text))
            if page.title == (metadata?["title"] as? String).map(PageMetadata.collapsed) { titles += 1 }
        }
        let mean = scores.reduce(0, +) / Double(scores.count)
        #expect(mean >= 0.97, "mean F1 \(mean) on \(names.count) pages: \(zip(names, scores).filter { $0.1 < 0.9 })")
        #expect(titles >= 18, "\(titles) of \(names.count) titles right")
    }
}

/// Word 4-gram F1, the scoring of the article-extraction benchmarks.
enum ShingleScore {
    static func f1(predicted: [UInt8], expected: [UInt8]) -> Double {
        let a = shingles(predicted), b = shingles(expected)
        guard !a.isEmpty, !b.isEmpty else { return a.isEmpty && b.isEmpty ? 1 : 0 }
        var shared = 0
        for (shingle, count) in a { shared += min(count, b[shingle] ?? 0) }
        let precision = Double(shared) / Double(a.values.reduce(0, +)), recall = Double(shared) / Double(b.values.reduce(0, +))
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    static func shingles(_ text: [UInt8]) -> [String: Int] {
        let words = String(decoding: text, as: UTF8.self).lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard words.count >= 4 else { return Dictionary(words.map { (String($0), 1) }, uniquingKeysWith: +) }
        var result: [String: Int] = [:]
        for start in 0...(words.count - 4) { result[words[start..<start + 4].joined(separator: " "), default: 0] += 1 }
        return result
    }
}

extension ArticleExtractorTests {
    @Test func captionsAreKeptApartFromTheBody() {
        let figure = "<figure><img src=\"b.jpg\"><figcaption>The bridge at dawn. Photo: A. Lane</figcaption></figure>"
        let html = Self.page.replacingOccurrences(of: "<div class=\"byline\">", with: figure + "<div class=\"byline\">")
        let page = WebPage(html: Array(html.utf8))
        #expect(!String(decoding: page.text, as: UTF8.self).contains("Photo: A. Lane"))
        #expect(page.captions == ["The bridge at dawn. Photo: A. Lane"])
    }

    @Test func jsonLDArticleBodyStandsInForAHiddenArticle() {
        let body = (1...8).map { "Paragraph \($0) of the story, which the page loads by script and only its JSON-LD holds whole." }
        let json = #"{"@type":"NewsArticle","headline":"Bridge","articleBody":"\#(body.joined(separator: "\\n"))"}"#
        let html = "<html><head><script type=\"application/ld+json\">\(json)</script></head><body><p>Loading…</p></body></html>"
        let text = String(decoding: WebPage(html: Array(html.utf8)).text, as: UTF8.self)
        #expect(text == body.joined(separator: "\n\n"))
    }
}
