import Foundation
import StemmaCore
import StemmaIO
import Testing

@Suite struct HistoryHTMLWriterTests {
    /// A family where the third version derives from the first, not the second: a branch.
    let entries = [
        HistoryEntry(documentID: "wire/story", version: 1, date: "2024-05-01"),
        HistoryEntry(documentID: "paper-a", version: 1, date: "2024-05-02", parent: 0, changes: [.edited: 2, .added: 1],
                     tags: [.numberChanged: 1], editedBytes: 120),
        HistoryEntry(documentID: "paper-b", version: 1, date: nil, parent: 0, changes: [.deleted: 1], editedBytes: 40),
        HistoryEntry(documentID: "paper-a", version: 2, date: "2024-05-04", parent: 1, changes: [.edited: 1], editedBytes: 8),
    ]

    @Test func timelineListsEveryVersionInOrderWithItsParent() {
        let html = HistoryHTMLWriter().render(entries, family: "wire/story")
        #expect(html.hasPrefix("<!doctype html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("4 versions of 3 documents · 2024-05-01 – 2024-05-04 · 1 date inferred from the order of indexing"))
        let positions = ["id=\"v1\"", "id=\"v2\"", "id=\"v3\"", "id=\"v4\""].compactMap { html.range(of: $0)?.lowerBound }
        #expect(positions.count == 4 && positions == positions.sorted())
        #expect(html.contains("<time class=\"when\">2024-05-02</time> <span class=\"name\">2. paper-a v1</span>"))
        #expect(html.contains("<span class=\"when unknown\">date unknown</span> <span class=\"name\">3. paper-b v1</span>"))
        #expect(html.contains("derives from <a href=\"#v1\">1. wire/story v1</a> · 120 bytes edited</div>"))
        #expect(html.contains("<span class=\"op edited\">2 edited</span> <span class=\"op added\">1 added</span> <span class=\"tag\">number-changed ×1</span>"))
        #expect(html.contains("the earliest version"))
    }

    @Test func treeNestsEachVersionUnderItsParent() {
        let html = HistoryHTMLWriter().fragment(entries, family: "wire/story")
        let tree = String(html[html.range(of: "<ul class=\"tree\">")!.lowerBound...])
        #expect(tree.contains("""
            <li><a href="#v1">1. wire/story v1</a> <time>2024-05-01</time>
            <ul>
            <li><a href="#v2">2. paper-a v1</a> <time>2024-05-02</time>
            <ul>
            <li><a href="#v4">4. paper-a v2</a> <time>2024-05-04</time></li>
            </ul></li>
            <li><a href="#v3">3. paper-b v1</a></li>
            </ul></li>
            </ul>
            """))
    }

    @Test func aLongChainDoesNotRecurse() {
        let chain = (0..<20_000).map { HistoryEntry(documentID: "d\($0)", version: 1, date: nil, parent: $0 == 0 ? nil : $0 - 1) }
        let html = HistoryHTMLWriter().fragment(chain, family: "d0")
        #expect(html.components(separatedBy: "</ul></li>").count == 20_000)
    }

    @Test func everyIdAndDateIsEscapedAndNothingIsFetched() {
        let hostile = [
            HistoryEntry(documentID: "<script>alert(1)</script>", version: 1, date: "\"><img src=x>"),
            HistoryEntry(documentID: "a&b", version: 1, date: nil, parent: 0),
        ]
        let html = HistoryHTMLWriter().render(hostile, family: "<script>alert(1)</script>")
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("a&amp;b"))
        #expect(!html.contains("<link") && !html.contains("@import") && !html.contains("url("))
    }

    @Test func linksAreUsedWhenGiven() {
        let links = HistoryHTMLWriter.Links(version: { "/document?id=\($0.documentID)&v=\($0.version)" },
                                            diff: { "/diff?old=\($0.documentID)&new=\($1.documentID)" })
        let html = HistoryHTMLWriter(links: links).fragment(Array(entries.prefix(2)), family: "wire/story")
        #expect(html.contains("<a href=\"/document?id=paper-a&amp;v=1\">2. paper-a v1</a>"))
        #expect(html.contains("<a href=\"/diff?old=wire/story&amp;new=paper-a\">diff</a>"))
    }
}
