import Foundation
// TEMPORARY: stands in for StemmaWeb's FeedReader and RobotsTxt until they land; deleted then.
struct RobotsTxt: Sendable {
    static func forStatus(_ status: Int, body: [UInt8]) -> RobotsTxt { RobotsTxt() }
    func allows(_ path: String, userAgent: String) -> Bool { !path.hasPrefix("/private") }
    func crawlDelay(userAgent: String) -> Double? { nil }
}
struct FeedEntry: Sendable { var url: String }
struct Feed: Sendable {
    enum Kind { case rss, sitemapIndex }
    var kind: Kind = .rss
    var title: String?
    var entries: [FeedEntry]
}
struct FeedError: Error {}
enum FeedReader {
    static func read(_ bytes: [UInt8], url: String?, charset: String? = nil) throws -> Feed {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("<rss") else { throw FeedError() }
        var entries: [FeedEntry] = []
        var rest = Substring(text)
        while let start = rest.range(of: "<link>"), let end = rest.range(of: "</link>", range: start.upperBound..<rest.endIndex) {
            entries.append(FeedEntry(url: String(rest[start.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        return Feed(entries: entries)
    }
}
