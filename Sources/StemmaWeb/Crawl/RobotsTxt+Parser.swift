extension RobotsTxt {
    /// Reads robots.txt lines into groups (RFC 9309 §2.1–2.2).
    ///
    /// ```swift
    /// var parser = RobotsTxt.Parser()
    /// parser.parse(Array("User-agent: a\nUser-agent: b\nDisallow: /x\n".utf8))
    /// parser.groups["b"]?.rules.count  // 1: consecutive user-agent lines share a group
    /// ```
    struct Parser {
        var groups: [String: Group] = [:]
        var sitemaps: [String] = []
        /// The agents of the group being read, and whether the last line read was one of them.
        private var agents: [String] = []
        private var readingAgents = false

        mutating func parse(_ bytes: [UInt8]) {
            var input = bytes.prefix(RobotsTxt.parsedLimit)
            if input.starts(with: [0xEF, 0xBB, 0xBF]) { input = input.dropFirst(3) }
            var lines = input.split(omittingEmptySubsequences: true) { $0 == 0x0A || $0 == 0x0D }
            // A line cut by the limit could say less, or more, than the site wrote.
            if bytes.count > RobotsTxt.parsedLimit, let last = input.last, last != 0x0A, last != 0x0D, !lines.isEmpty {
                lines.removeLast()
            }
            for line in lines { read(line) }
        }

        private mutating func read(_ line: ArraySlice<UInt8>) {
            let content = line.prefix { $0 != UInt8(ascii: "#") }
            guard let colon = content.firstIndex(of: UInt8(ascii: ":")) else { return }
            let key = String(decoding: trimmed(content[..<colon]), as: UTF8.self).lowercased()
            let value = trimmed(content[(colon + 1)...])
            switch key {
            case "user-agent", "useragent", "user agent":
                if !readingAgents { agents = [] }
                readingAgents = true
                let token = RobotsTxt.productToken(String(decoding: value, as: UTF8.self))
                if !token.isEmpty { agents.append(token) }
            case "allow", "disallow":
                readingAgents = false
                // An empty disallow allows everything, which no rule already does; rules
                // before any user-agent line belong to no group.
                guard !value.isEmpty else { return }
                let rule = Rule(allows: key == "allow", pattern: RobotsTxt.normalized(Array(value)))
                for agent in agents { groups[agent, default: Group()].rules.append(rule) }
            case "crawl-delay":
                readingAgents = false
                guard let seconds = Double(String(decoding: value, as: UTF8.self)), seconds.isFinite, seconds >= 0 else { return }
                for agent in agents where groups[agent]?.crawlDelay == nil { groups[agent, default: Group()].crawlDelay = seconds }
            case "sitemap":
                if !value.isEmpty { sitemaps.append(String(decoding: value, as: UTF8.self)) }
            default:
                break
            }
            // A group that names agents but has no rules still exists: it shields its agents
            // from the `*` group, allowing them everything.
            for agent in agents where groups[agent] == nil { groups[agent] = Group() }
        }

        private func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var slice = bytes
            while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
            return slice
        }
    }
}
