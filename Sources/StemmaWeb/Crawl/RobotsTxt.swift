/// A site's robots.txt, as RFC 9309 (the Robots Exclusion Protocol, 2022) reads it.
///
/// The group for a crawler is the one naming its product token (the part of its user agent
/// before `/`, case-insensitively), else the `*` group, else there is none and everything is
/// allowed. Groups naming the same agent are merged. Within the group the longest matching
/// `allow` or `disallow` pattern wins, `allow` on a tie; `*` matches any characters and a
/// final `$` anchors the pattern at the end of the path.
///
/// ```swift
/// let robots = RobotsTxt(Array("User-agent: *\nDisallow: /private/\nAllow: /private/press\n".utf8))
/// robots.allows("/private/press/2024?page=2", userAgent: "Stemma/0.5")  // true
/// robots.allows("/private/notes", userAgent: "Stemma/0.5")              // false
/// let rules = RobotsTxt.forStatus(503, body: [])                        // disallows everything
/// ```
public struct RobotsTxt: Sendable, Hashable {
    /// How many bytes are read; RFC 9309 §2.5 asks crawlers to parse at least 500 KiB.
    public static let parsedLimit = 500 * 1024

    /// A file's rules, or one of the two blanket answers for when there is no file.
    enum Policy: Sendable, Hashable {
        case rules
        case allowAll
        case disallowAll
    }

    /// The rules of one or more groups for the same agent.
    struct Group: Sendable, Hashable {
        var rules: [Rule] = []
        var crawlDelay: Double?
    }

    /// An `allow` or `disallow` line: its pattern with percent-encoding normalized.
    struct Rule: Sendable, Hashable {
        var allows: Bool
        var pattern: [UInt8]
    }

    var policy: Policy
    /// The groups by lowercased product token, `*` included.
    var groups: [String: Group]
    /// The `Sitemap:` URLs, in file order; they belong to no group.
    public var sitemaps: [String]

    /// Parses robots.txt bytes: at most the first ``parsedLimit`` bytes, a final line cut
    /// off by the limit dropped. Bytes that form no line of the protocol are ignored, so
    /// any input gives rules (garbage gives none, which allow everything).
    public init(_ bytes: [UInt8]) {
        var parser = Parser()
        parser.parse(bytes)
        self.init(policy: .rules, groups: parser.groups, sitemaps: parser.sitemaps)
    }

    init(policy: Policy, groups: [String: Group] = [:], sitemaps: [String] = []) {
        self.policy = policy
        self.groups = groups
        self.sitemaps = sitemaps
    }

    /// For a robots.txt that is missing (4xx, RFC 9309 §2.3.1.3): crawl anything.
    public static let allowAll = RobotsTxt(policy: .allowAll)

    /// For a robots.txt the server failed to give (5xx, or unreachable, §2.3.1.4): crawl nothing.
    public static let disallowAll = RobotsTxt(policy: .disallowAll)

    /// The rules for a robots.txt fetch that ended with `status`: 2xx parses `body`, 4xx
    /// allows all, 5xx disallows all. Any other status (a redirect not followed, 1xx) is
    /// unavailable, as 4xx is (§2.3.1.2 after five redirects).
    public static func forStatus(_ status: Int, body: [UInt8]) -> RobotsTxt {
        switch status {
        case 200..<300: return RobotsTxt(body)
        case 500..<600: return .disallowAll
        default: return .allowAll
        }
    }

    /// Whether the crawler may fetch `path`.
    ///
    /// - Parameters:
    ///   - path: The URL's path and, after `?`, its query, as sent in the request line
    ///     (`/a/b?c=d`); empty means `/`.
    ///   - userAgent: The crawler's user agent, such as `Stemma/0.5 (+https://example.org)`.
    /// - Complexity: O(rules × path length) in the common case.
    public func allows(_ path: String, userAgent: String) -> Bool {
        let target = RobotsTxt.normalized(Array((path.isEmpty ? "/" : path).utf8))
        // §2.2.2: the robots.txt itself is always allowed.
        if target == Array("/robots.txt".utf8) { return true }
        switch policy {
        case .allowAll: return true
        case .disallowAll: return false
        case .rules: break
        }
        guard let group = group(for: userAgent) else { return true }
        var best: Rule?
        for rule in group.rules where RobotsTxt.matches(rule.pattern, target) {
            guard let current = best else {
                best = rule
                continue
            }
            if rule.pattern.count > current.pattern.count || rule.pattern.count == current.pattern.count && rule.allows {
                best = rule
            }
        }
        return best?.allows ?? true
    }

    /// The `Crawl-delay` in seconds of the crawler's group, when it gives one. Not part of
    /// RFC 9309, but many sites set it and expect it honored.
    public func crawlDelay(userAgent: String) -> Double? {
        group(for: userAgent)?.crawlDelay
    }

    private func group(for userAgent: String) -> Group? {
        groups[RobotsTxt.productToken(userAgent)] ?? groups["*"]
    }

    /// `Stemma` of `Stemma/0.5 (+https://...)`, lowercased for case-insensitive matching.
    static func productToken(_ userAgent: String) -> String {
        let token = userAgent.drop { $0 == " " || $0 == "\t" }.prefix { $0 != "/" && $0 != " " && $0 != "\t" }
        return token.lowercased()
    }
}
