import Foundation
import Testing
@testable import StemmaWeb

@Suite struct FeedReaderTests {
    func read(_ xml: String, url: String? = "http://example.com/feed.xml", charset: String? = nil) throws -> Feed {
        try FeedReader.read(Array(xml.utf8), url: url, charset: charset)
    }

    @Test func rss2() throws {
        let feed = try read("""
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
              <title>Example &amp; Co</title><link>http://example.com/</link>
              <item><title>First &lt;b&gt;story&lt;/b&gt;</title><link> /2024/first </link>
                <guid isPermaLink="false">a-1</guid><pubDate>Wed, 31 Dec 2003 10:14:55 EST</pubDate></item>
              <item><title>By guid</title><guid>http://example.com/by-guid</guid><dc:date>2004-01-02</dc:date></item>
              <item><title>Duplicate</title><link>http://example.com/2024/first</link></item>
              <item><title>No link</title><enclosure url="http://example.com/a.mp3"/></item>
              <item><link>mailto:me@example.com</link></item>
            </channel></rss>
            """)
        #expect(feed.kind == .rss)
        #expect(feed.title == "Example & Co")
        #expect(feed.link == "http://example.com/")
        #expect(feed.entries == [
            FeedEntry(url: "http://example.com/2024/first", id: "a-1", title: "First story", published: "2003-12-31T15:14:55Z"),
            FeedEntry(url: "http://example.com/by-guid", id: "http://example.com/by-guid", title: "By guid",
                published: "2004-01-02T00:00:00Z", updated: "2004-01-02T00:00:00Z"),
        ])
    }

    @Test func rss091WithoutNamespaces() throws {
        let feed = try read("<rss version=\"0.91\"><channel><title>Old</title><item><title>A</title><link>http://example.org/a</link></item></channel></rss>")
        #expect(feed.entries.map(\.url) == ["http://example.org/a"])
    }

    @Test func rdf() throws {
        let feed = try read("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
              xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="http://example.com/"><title>RDF feed</title><link>http://example.com/</link></channel>
              <item rdf:about="http://example.com/1"><title>One</title><link>http://example.com/1</link>
                <dc:date>2003-12-31T10:14:55-08:00</dc:date></item>
              <item rdf:about="http://example.com/2"><title>Two</title></item>
            </rdf:RDF>
            """)
        #expect(feed.kind == .rdf)
        #expect(feed.title == "RDF feed")
        #expect(feed.entries.map(\.url) == ["http://example.com/1", "http://example.com/2"])
        #expect(feed.entries.first?.id == "http://example.com/1")
        #expect(feed.entries.first?.published == "2003-12-31T18:14:55Z")
    }

    @Test func atom10WithXMLBase() throws {
        let feed = try read("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/">
              <title type="html">Blog &lt;i&gt;of&lt;/i&gt; notes</title>
              <link rel="self" href="feed.atom"/><link href="./"/>
              <entry xml:base="2024/">
                <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hello <b>world</b></div></title>
                <link rel="edit" href="edit/1"/><link rel="alternate" type="application/pdf" href="one.pdf"/>
                <link rel="alternate" type="text/html" href="one.html"/>
                <id>tag:example.org,2024:1</id><published>2024-01-02T03:04:05.123Z</published><updated>2024-01-03T00:00:00+02:00</updated>
              </entry>
              <entry><title>Only a PDF</title><link href="/files/two.pdf" type="application/pdf"/></entry>
            </feed>
            """, url: "http://ignored.example.net/feed")
        #expect(feed.kind == .atom)
        #expect(feed.title == "Blog of notes")
        #expect(feed.link == "http://example.org/blog/")
        #expect(feed.entries == [
            FeedEntry(url: "http://example.org/blog/2024/one.html", id: "tag:example.org,2024:1", title: "Hello world",
                published: "2024-01-02T03:04:05Z", updated: "2024-01-02T22:00:00Z"),
            FeedEntry(url: "http://example.org/files/two.pdf", title: "Only a PDF"),
        ])
    }

    @Test func atom03() throws {
        let feed = try read("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title mode="escaped">A &amp;amp; B</title>
              <entry><title>E</title><link rel="alternate" type="text/html" href="/e"/><id>e1</id>
              <issued>2003-12-31T10:14:55Z</issued><modified>2004-01-01T00:00:00Z</modified></entry></feed>
            """)
        #expect(feed.title == "A & B")
        #expect(feed.entries == [FeedEntry(url: "http://example.com/e", id: "e1", title: "E",
            published: "2003-12-31T10:14:55Z", updated: "2004-01-01T00:00:00Z")])
    }

    @Test func relativeLinksWithoutAFeedURLAreDropped() throws {
        let feed = try read("<rss><channel><item><link>/relative</link></item><item><link>https://example.com/x</link></item></channel></rss>", url: nil)
        #expect(feed.entries.map(\.url) == ["https://example.com/x"])
    }

    @Test func sitemapWithNews() throws {
        let feed = try read("""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>https://example.com/a</loc><lastmod>2024-05-01</lastmod>
                <news:news><news:publication><news:name>Ex</news:name></news:publication>
                <news:publication_date>2024-04-30T20:00:00-04:00</news:publication_date><news:title>A &amp; B</news:title></news:news></url>
              <url><loc> https://example.com/b </loc></url>
              <url><loc>ftp://example.com/c</loc></url>
            </urlset>
            """)
        #expect(feed.kind == .sitemap)
        #expect(feed.entries == [
            FeedEntry(url: "https://example.com/a", title: "A & B", published: "2024-05-01T00:00:00Z", updated: "2024-05-01T00:00:00Z"),
            FeedEntry(url: "https://example.com/b"),
        ])
    }

    @Test func sitemapIndex() throws {
        let feed = try read("""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://example.com/news-1.xml</loc><lastmod>2024-05-01T10:00:00Z</lastmod></sitemap>
              <sitemap><loc>/news-2.xml</loc></sitemap></sitemapindex>
            """, url: "https://example.com/sitemap.xml")
        #expect(feed.kind == .sitemapIndex)
        #expect(feed.entries == [FeedEntry(url: "https://example.com/news-1.xml", updated: "2024-05-01T10:00:00Z"),
            FeedEntry(url: "https://example.com/news-2.xml")])
    }

    @Test func cdf() throws {
        let feed = try read("<CHANNEL HREF=\"http://example.com/\"><TITLE>C</TITLE><ITEM HREF=\"/i\" LASTMOD=\"2003-12-31T10:14\"><TITLE>I</TITLE></ITEM></CHANNEL>")
        #expect(feed.kind == .cdf)
        #expect(feed.entries == [FeedEntry(url: "http://example.com/i", title: "I", updated: "2003-12-31T10:14:00Z")])
    }

    @Test func anEmptyFeedIsAFeed() throws {
        #expect(try read("<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>").entries.isEmpty)
        #expect(try read("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>").entries.isEmpty)
    }

    @Test func rejections() {
        let cases: [(String, String)] = [
            ("", "empty document"),
            ("  \n\t ", "empty document"),
            ("<html><body><p>Hello</p></body></html>", "not a feed: the root element is <html>"),
            ("just some text", "not XML:"),
        ]
        for (input, message) in cases {
            #expect {
                try read(input)
            } throws: { error in
                let description = (error as? FeedError)?.description ?? ""
                return description.hasPrefix(message) && !description.contains("\n")
            }
        }
    }

    @Test func notXMLNamesTheLine() throws {
        let error = #expect(throws: FeedError.self) { try read("\n\n  plain text, no markup at all") }
        #expect(error?.description.hasPrefix("not XML: ") == true)
        #expect(error?.line != nil)
    }

    @Test func tooLarge() {
        let bytes = [UInt8](repeating: 0x20, count: FeedReader.maximumSize + 1)
        #expect(throws: FeedError(.tooLarge(bytes: bytes.count))) { try FeedReader.read(bytes, url: nil) }
    }

    /// Billion laughs: ten levels of ten references, 10⁹ "lol"s if expanded.
    @Test(.timeLimit(.minutes(1))) func entitiesAreNotExpanded() throws {
        var dtd = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 { dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">" }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(dtd)]><rss><channel><title>&lol9;</title>"
            + "<item><title>&lol9;</title><link>http://example.com/&lol9;</link></item></channel></rss>"
        let start = ContinuousClock.now
        let feed = try? read(xml)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect((feed?.title?.count ?? 0) < 1000)
        for entry in feed?.entries ?? [] { #expect(entry.url.count < 1000 && (entry.title?.count ?? 0) < 1000) }
    }

    @Test func externalEntitiesAreNotLoaded() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><title>&x;</title></channel></rss>"
        let feed = try read(xml)
        #expect(feed.title == nil || feed.title?.contains("root:") == false)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        let bytes = Array("<rss><channel><title>caf".utf8) + [0xE9, 0xFF] + Array("</title></channel></rss>".utf8)
        let feed = try FeedReader.read(bytes, url: nil)
        #expect(feed.title == "caf\u{FFFD}\u{FFFD}")
    }

    @Test func encodings() throws {
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><title>caf".utf8) + [0xE9]
            + Array("</title></channel></rss>".utf8)
        #expect(try FeedReader.read(latin1, url: nil).title == "café")
        // HTTP's charset overrides the declaration; a byte order mark overrides both.
        let utf8 = Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><title>café</title></channel></rss>".utf8)
        #expect(try FeedReader.read(utf8, url: nil, charset: "utf-8").title == "café")
        #expect(try FeedReader.read([0xEF, 0xBB, 0xBF] + utf8, url: nil, charset: "koi8-r").title == "café")
        let units = "<rss><channel><title>ünï</title></channel></rss>".utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let utf16: [UInt8] = [0xFF, 0xFE] + units
        #expect(try FeedReader.read(utf16, url: nil).title == "ünï")
    }

    @Test func illFormedFeedsAreReadAsFarAsPossible() throws {
        let feed = try read("<rss><channel><item><title>A & B</title><link>http://example.com/a?x=1&y=2</link></item><item><title>cut")
        #expect(feed.entries.first?.url == "http://example.com/a?x=1&y=2")
        #expect(feed.entries.first?.title == "A & B")
    }

    @Test func htmlEntitiesWithoutADTD() throws {
        #expect(try read("<rss><channel><title>a&nbsp;b&rsquo;s</title></channel></rss>").title == "a b\u{2019}s")  // no-break space collapsed, as all whitespace in titles
    }
}
