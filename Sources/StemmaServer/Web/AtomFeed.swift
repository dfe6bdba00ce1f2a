import Foundation
import StemmaIO
import StemmaStore

/// The recent changes as an Atom 1.0 feed (RFC 4287), for feed readers.
///
/// Every text goes through ``text(_:)``: escaped, and without the characters XML 1.0 does not
/// allow (a control character in a title would make the whole feed unreadable to a parser).
///
/// ```swift
/// let xml = AtomFeed(base: "http://localhost:8080", selfPath: "/changes.atom", now: Date()).render(entries)
/// ```
struct AtomFeed {
    /// Scheme and authority of the links, such as `http://localhost:8080`.
    let base: String
    /// The feed's own path and query.
    let selfPath: String
    /// The time of an entry without one of its own, and of an empty feed.
    let now: Date

    static let contentType = "application/atom+xml; charset=utf-8"

    func render(_ entries: [ChangeEntry]) -> String {
        let updated = entries.compactMap(\.time).max() ?? now
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
        <id>\(Self.text(base + selfPath))</id>
        <title>Recent changes · Stemma</title>
        <updated>\(Self.timestamp(updated))</updated>
        <link rel="self" type="application/atom+xml" href="\(Self.text(base + selfPath))"/>
        <link rel="alternate" type="text/html" href="\(Self.text(base + "/changes"))"/>
        <author><name>Stemma</name></author>
        <generator>Stemma</generator>

        """
        for entry in entries {
            xml += """
            <entry>
            <id>\(Self.text(Self.tag(entry)))</id>
            <title>\(Self.text(entry.title))</title>
            <updated>\(Self.timestamp(entry.time ?? now))</updated>
            <link rel="alternate" type="text/html" href="\(Self.text(base + entry.diffPath))"/>
            \(entry.change.url.map { "<link rel=\"related\" href=\"\(Self.text($0))\"/>\n" } ?? "")\
            <summary>\(Self.text(entry.summary))</summary>
            <content type="html">\(Self.text(entry.table ?? "<p>\(HTML.escape(entry.summary))</p>"))</content>
            </entry>

            """
        }
        return xml + "</feed>\n"
    }

    /// A tag URI (RFC 4151) of the change: the same document and version always give the same id,
    /// whichever server or page shows it.
    static func tag(_ entry: ChangeEntry) -> String {
        "tag:stemma,2026:change/\(URLQuery.encode(entry.change.documentID))/\(entry.change.version)"
    }

    /// An RFC 3339 time in UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// `value` escaped for XML text and attributes (as HTML is), without the characters XML 1.0
    /// forbids.
    static func text(_ value: String) -> String {
        var allowed = String.UnicodeScalarView()
        // Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF] (Swift
        // strings hold no surrogates); the C1 controls are allowed but discouraged (XML 1.0
        // section 2.2), and mean nothing in a title.
        allowed.append(contentsOf: value.unicodeScalars.filter { scalar in
            scalar == "\t" || scalar == "\n" || scalar == "\r"
                || scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && scalar.value != 0xFFFE && scalar.value != 0xFFFF
        })
        return HTML.escape(String(allowed))
    }
}
