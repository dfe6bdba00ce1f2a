import StemmaTestSupport
import Testing
@testable import StemmaWeb

@Suite struct RobotsTxtTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var robots: String
        var path: String
        var agent = "Stemma/0.5"
        var allowed: Bool
        var testDescription: String { "\(path) as \(agent): \(allowed ? "allowed" : "disallowed")" }
    }

    /// RFC 9309's examples (§2.2.2, §5) and Google's documented ones
    /// (developers.google.com/search/docs/crawling-indexing/robots/robots_txt).
    static let cases: [Case] = [
        // Longest match wins; allow on a tie.
        Case(robots: "User-agent: *\nAllow: /p\nDisallow: /", path: "/page", allowed: true),
        Case(robots: "User-agent: *\nAllow: /folder\nDisallow: /folder", path: "/folder/page", allowed: true),
        Case(robots: "User-agent: *\nAllow: /page\nDisallow: /*.htm", path: "/page.htm", allowed: false),
        Case(robots: "User-agent: *\nAllow: /$\nDisallow: /", path: "/", allowed: true),
        Case(robots: "User-agent: *\nAllow: /$\nDisallow: /", path: "/page.htm", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /example/\nAllow: /example/page/", path: "/example/page/x", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /example/\nAllow: /example/page/", path: "/example/other", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /example/\nAllow: /example/page/disallowed.gif", path: "/example/page/disallowed.gif", allowed: true),
        // Google's path matching examples.
        Case(robots: "User-agent: *\nDisallow: /fish", path: "/fish.html", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /fish", path: "/fishheads/yummy.html", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /fish", path: "/Fish.asp", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /fish", path: "/catfish", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /fish*", path: "/fish.php?id=anything", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /fish/", path: "/fish", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /fish/", path: "/fish/salmon.htm", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /*.php", path: "/folder/filename.php?parameters", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /*.php", path: "/windows.PHP", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /*.php$", path: "/filename.php", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /*.php$", path: "/filename.php?parameters", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /*.php$", path: "/filename.php5", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /fish*.php", path: "/fishheads/catfish.php?parameters", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /fish*.php", path: "/Fish.PHP", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /*?", path: "/page?q=1", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /*?", path: "/page", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /", path: "", allowed: false),
        // Empty disallow allows; /robots.txt is always allowed.
        Case(robots: "User-agent: *\nDisallow:", path: "/anything", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /", path: "/robots.txt", allowed: true),
        // Percent-encoding: unreserved characters decoded, hex case ignored, UTF-8 encoded (RFC 9309 §2.2.2).
        Case(robots: "User-agent: *\nDisallow: /%7Ejoe/", path: "/~joe/index.html", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /~joe/", path: "/%7ejoe/index.html", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /foo/bar?baz=https://foo.bar", path: "/foo/bar?baz=https://foo.bar", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /foo/ツ", path: "/foo/%E3%83%84", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /foo/%e3%83%84", path: "/foo/ツ", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /a%2fb", path: "/a/b", allowed: true),
        // Agents: the product token, case-insensitively; the specific group over *; none → allowed.
        Case(robots: "User-agent: *\nDisallow: /\n\nUser-agent: stemma\nAllow: /", path: "/x", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /\n\nUser-agent: STEMMA\nDisallow: /private", path: "/x", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /\n\nUser-agent: Stemma\nDisallow: /private", path: "/private/x", allowed: false),
        Case(robots: "User-agent: Stemma/2.0\nDisallow: /x", path: "/x", allowed: false),
        Case(robots: "User-agent: Googlebot\nDisallow: /", path: "/x", allowed: true),
        Case(robots: "User-agent: Googlebot\nDisallow: /", path: "/x", agent: "Googlebot/2.1 (+http://www.google.com/bot.html)", allowed: false),
        Case(robots: "User-agent: Stemmatic\nDisallow: /", path: "/x", allowed: true),
        // A group with no rules shields its agent from *.
        Case(robots: "User-agent: stemma\n\nUser-agent: *\nDisallow: /", path: "/x", allowed: false),
        Case(robots: "User-agent: stemma\nCrawl-delay: 1\nUser-agent: *\nDisallow: /", path: "/x", allowed: true),
        // Consecutive user-agent lines share a group; groups of the same agent merge.
        Case(robots: "User-agent: a\nUser-agent: Stemma\nDisallow: /shared", path: "/shared", allowed: false),
        Case(robots: "User-agent: Stemma\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\nUser-agent: stemma\nDisallow: /c", path: "/c", allowed: false),
        Case(robots: "User-agent: Stemma\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\nUser-agent: stemma\nDisallow: /c", path: "/b", allowed: true),
        Case(robots: "User-agent: Stemma\nDisallow: /a\nUser-agent: other\nDisallow: /b", path: "/b", allowed: true),
        // Rules before any user-agent belong to no group.
        Case(robots: "Disallow: /\nUser-agent: *\nDisallow: /private", path: "/x", allowed: true),
        // Syntax: comments, case of keys, spaces, CR and CRLF, a BOM, lines without a colon.
        Case(robots: "USER-AGENT: *   # everyone\nDISALLOW :  /x # not /y\n", path: "/x", allowed: false),
        Case(robots: "User-agent: *\r\nDisallow: /x\r\n", path: "/x", allowed: false),
        Case(robots: "User-agent: *\rDisallow: /x\r", path: "/x", allowed: false),
        Case(robots: "\u{FEFF}User-agent: *\nDisallow: /x", path: "/x", allowed: false),
        Case(robots: "User-agent: *\nthis line has no colon\nDisallow: /x", path: "/x", allowed: false),
        Case(robots: "User-agent: *\nDisallow: /x\nFoo: bar\nDisallow: /y", path: "/y", allowed: false),
        Case(robots: "<html><body>Not found</body></html>", path: "/x", allowed: true),
        Case(robots: "", path: "/x", allowed: true),
    ]

    @Test(arguments: cases) func matching(_ test: Case) {
        #expect(RobotsTxt(Array(test.robots.utf8)).allows(test.path, userAgent: test.agent) == test.allowed)
    }

    @Test func crawlDelayAndSitemaps() {
        let robots = RobotsTxt(Array("""
            Sitemap: https://example.com/sitemap.xml
            User-agent: *
            Crawl-delay: 10
            User-agent: stemma
            Crawl-delay: 2.5
            Disallow: /tmp
            Sitemap: https://example.com/news.xml
            """.utf8))
        #expect(robots.crawlDelay(userAgent: "Stemma/1") == 2.5)
        #expect(robots.crawlDelay(userAgent: "Other") == 10)
        #expect(RobotsTxt(Array("User-agent: *\nDisallow: /".utf8)).crawlDelay(userAgent: "x") == nil)
        #expect(RobotsTxt(Array("User-agent: *\nCrawl-delay: soon".utf8)).crawlDelay(userAgent: "x") == nil)
        #expect(robots.sitemaps == ["https://example.com/sitemap.xml", "https://example.com/news.xml"])
    }

    @Test func statuses() {
        let body = Array("User-agent: *\nDisallow: /x".utf8)
        #expect(!RobotsTxt.forStatus(200, body: body).allows("/x", userAgent: "a"))
        #expect(RobotsTxt.forStatus(404, body: body).allows("/x", userAgent: "a"))
        #expect(RobotsTxt.forStatus(403, body: body).allows("/x", userAgent: "a"))
        #expect(!RobotsTxt.forStatus(503, body: body).allows("/y", userAgent: "a"))
        #expect(RobotsTxt.forStatus(503, body: body).allows("/robots.txt", userAgent: "a"))
        #expect(RobotsTxt.allowAll.allows("/x", userAgent: "a"))
        #expect(!RobotsTxt.disallowAll.allows("/x", userAgent: "a"))
    }

    @Test func onlyTheFirst500KiBAreRead() {
        let padding = String(repeating: "# padding\n", count: RobotsTxt.parsedLimit / 10)
        let late = RobotsTxt(Array(("User-agent: *\nDisallow: /early\n" + padding + "Disallow: /late\n").utf8))
        #expect(!late.allows("/early", userAgent: "a"))
        #expect(late.allows("/late", userAgent: "a"))
        // A line the limit cuts in two is dropped, not read as a shorter rule.
        let prefix = "User-agent: *\n" + String(repeating: "#", count: RobotsTxt.parsedLimit - 14 - 16) + "\n"
        let cut = RobotsTxt(Array((prefix + "Disallow: /private-area\n").utf8))
        #expect(cut.allows("/priv", userAgent: "a"))
    }

    @Test(arguments: 0..<50) func garbageBytesGiveRulesThatAllow(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        do {
            let bytes = (0..<2000).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = RobotsTxt(bytes).allows("/x", userAgent: "Stemma")
        }
        let nasty = RobotsTxt(Array("User-agent: *\nDisallow: /\(String(repeating: "*a", count: 2000))$".utf8))
        #expect(nasty.allows("/" + String(repeating: "a", count: 5000) + "b", userAgent: "x"))
    }
}
