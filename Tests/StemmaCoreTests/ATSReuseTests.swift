import Foundation
import StemmaCore
import StemmaTestSupport
import Testing

/// Issue 5 on real OCR: eight 19th-century American Tract Society books (`../shared/corpora`),
/// three pairs of which are editions or parts of one another.
@Suite struct ATSReuseTests {
    static let relatedPairs: Set<[String]> = [
        ["calltounconv00baxt", "lifeofrevrichard00baxt"], ["practicalthought00nev", "thoughtsonpopery00nevi"],
        ["remember00palm", "remembermeorholy00palm"],
    ]

    @Test func relatedBooksSharePassagesAndUnrelatedOnesNone() throws {
        let lines = try Fixtures.sharedText("corpora/ats-tracts/docs.jsonl").split(separator: "\n")
        let documents = try lines.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (id: try #require(object["id"] as? String), text: try #require(object["text"] as? String))
        }
        #expect(documents.count == 8)
        let result = ReuseFinder(parameters: try ReuseParameters()).passages(in: documents.map { Array($0.text.utf8) })
        var sharedWords: [[String]: Int] = [:]
        var longestUnrelated = 0
        for passage in result.passages {
            let pair = [documents[passage.a].id, documents[passage.b].id].sorted()
            sharedWords[pair, default: 0] += min(passage.wordsA.count, passage.wordsB.count)
            if !Self.relatedPairs.contains(pair) { longestUnrelated = max(longestUnrelated, passage.wordsA.count) }
        }
        for pair in Self.relatedPairs {
            #expect(sharedWords[pair, default: 0] >= 10_000, "\(pair) share \(sharedWords[pair, default: 0]) words")
        }
        // Short formulas (a Bible verse, a doxology) at most.
        #expect(longestUnrelated < 100)
    }
}
