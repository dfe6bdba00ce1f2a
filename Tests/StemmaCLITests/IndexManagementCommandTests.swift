import Foundation
import StemmaTestSupport
import Testing

/// `index stats`, `index list`, `index remove`, paged `families`, `match` without the query's
/// own copy, and one id per text file (issue 12).
@Suite(.serialized) struct IndexManagementCommandTests {
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-manage-\(UUID().uuidString).db").path

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func issue12_statsAsTextAndJSON() throws {
        _ = try StemmaProcess.run(["index", "add", "Examples", "--db", db])
        let text = try StemmaProcess.run(["index", "stats", "--db", db])
        #expect(text.status == 0)
        #expect(text.output.hasPrefix("documents       9\nversions        9 (9 with their text kept"))
        #expect(text.output.contains("families        7 (1 of more than one document; the largest has 3)"))
        #expect(text.output.contains("parameters      --shingle 5 --permutations 128 --seed 1 --threshold 0.5 ("))
        let stats = try json(try StemmaProcess.run(["index", "stats", "--db", db, "--format", "json"]).output)
        #expect(stats["documents"] as? Int == 9 && stats["versions"] as? Int == 9 && stats["families"] as? Int == 7)
        #expect(stats["familiesWithMembers"] as? Int == 1)
        #expect((stats["parameters"] as? [String: Any])?["shingle"] as? Int == 5)
        #expect((stats["tableBytes"] as? [String: Int])?["document"] ?? 0 > 0)
        let missing = try StemmaProcess.run(["index", "stats", "--db", db + ".missing"])
        #expect(missing.status == 2 && !FileManager.default.fileExists(atPath: db + ".missing"))
    }

    @Test func issue12_listFiltersAndPages() throws {
        _ = try StemmaProcess.run(["index", "add", "Examples", "--db", db])
        let text = try StemmaProcess.run(["index", "list", "--db", db])
        #expect(text.status == 0)
        let lines = text.output.split(separator: "\n")
        #expect(lines.count == 9 && lines[0] == "harbor-bridge/v1.txt\t1\t-\t-\tharbor-bridge/v1.txt")
        #expect(text.stderr.isEmpty)

        let family = try StemmaProcess.run(["index", "list", "--db", db, "--family", "harbor-bridge/v1.txt", "--format", "jsonl"])
        let records = try family.output.split(separator: "\n").map { try json(String($0)) }
        #expect(records.map { $0["id"] as? String } == ["harbor-bridge/v1.txt", "harbor-bridge/v2.txt", "harbor-bridge/v3.txt"])
        #expect(family.output.hasPrefix(#"{"family":"harbor-bridge/v1.txt","id":"harbor-bridge/v1.txt","latestVersion":1}"#))

        let page = try json(try StemmaProcess.run(["index", "list", "--db", db, "--limit", "2", "--offset", "1", "--format", "json"]).output)
        #expect(page["total"] as? Int == 9 && page["limit"] as? Int == 2 && page["offset"] as? Int == 1)
        #expect((page["documents"] as? [[String: Any]])?.map { $0["id"] as? String } == ["harbor-bridge/v2.txt", "harbor-bridge/v3.txt"])
        let paged = try StemmaProcess.run(["index", "list", "--db", db, "--limit", "2"])
        #expect(paged.output.split(separator: "\n").count == 2 && paged.stderr == "stemma index list: documents 1–2 of 9\n")

        let future = try StemmaProcess.run(["index", "list", "--db", db, "--since", "2100"])
        #expect(future.status == 0 && future.output.isEmpty)
        // The undated ones are left out of a date range.
        let dated = try StemmaProcess.run(["index", "list", "--db", db, "--since", "1000"]).output.split(separator: "\n")
        #expect(dated.count == lines.filter { $0.split(separator: "\t")[2] != "-" }.count && dated.allSatisfy { $0.split(separator: "\t")[2] != "-" })
        let bad = try StemmaProcess.run(["index", "list", "--db", db, "--since", "March"])
        #expect(bad.status == 64 || bad.status == 2)
        #expect(bad.stderr.contains("since: 'March' is not an ISO date"))
    }

    @Test func issue12_removeReportsUnknownIDsAndRecomputesFamilies() throws {
        _ = try StemmaProcess.run(["index", "add", "Examples", "--db", db])
        let remove = try StemmaProcess.run(["index", "remove", "harbor-bridge/v1.txt", "nope", "--db", db])
        #expect(remove.status == 1)
        #expect(remove.output == "1 document removed (1 version): harbor-bridge/v1.txt\n")
        #expect(remove.stderr == "stemma: nope: not in \(db)\n")
        let list = try StemmaProcess.run(["index", "list", "--db", db])
        #expect(!list.output.contains("harbor-bridge/v1.txt\t"))
        // The family was named after the removed document: it is named after its first member now.
        #expect(list.output.contains("harbor-bridge/v2.txt\t1\t-\t-\tharbor-bridge/v2.txt\n"))
        let match = try StemmaProcess.run(["match", "Examples/harbor-bridge/v1.txt", "--db", db])
        #expect(!match.output.contains("harbor-bridge/v1.txt "))
        let stats = try json(try StemmaProcess.run(["index", "stats", "--db", db, "--format", "json"]).output)
        #expect(stats["documents"] as? Int == 8 && stats["versions"] as? Int == 8)

        let none = try StemmaProcess.run(["index", "remove", "x", "--db", db + ".missing"])
        #expect(none.status != 0 && !FileManager.default.fileExists(atPath: db + ".missing"))
    }

    @Test func issue12_familiesArePaged() throws {
        _ = try StemmaProcess.run(["index", "add", "Examples", "../shared/seeds", "--db", db])
        let first = try StemmaProcess.run(["families", "--db", db, "--limit", "1"])
        #expect(first.output.hasPrefix("3  harbor-bridge/v1.txt") && first.output.split(separator: "\n").count == 1)
        #expect(first.stderr == "stemma families: families 1–1 of 2\n")
        let second = try StemmaProcess.run(["families", "--db", db, "--limit", "1", "--offset", "1", "--format", "jsonl"])
        #expect(try json(second.output)["size"] as? Int == 2)
        // One JSON document says which page it is, as GET /api/families does.
        let document = try json(try StemmaProcess.run(["families", "--db", db, "--limit", "1", "--offset", "1", "--format", "json"]).output)
        #expect(document["total"] as? Int == 2 && document["offset"] as? Int == 1 && document["limit"] as? Int == 1)
        #expect((document["families"] as? [[String: Any]])?.first?["size"] as? Int == 2)
    }

    /// `match FILE` leaves out the file's own stored copy, whichever way the file is named.
    @Test func issue12_matchLeavesOutTheQuerysOwnCopy() throws {
        let file = "Examples/harbor-bridge/v2.txt"
        let add = try StemmaProcess.run(["index", "add", file, "Examples/harbor-bridge/v1.txt", "--db", db])
        #expect(add.output.hasPrefix("2 added"))
        let absolute = Fixtures.packageRoot.appendingPathComponent(file).path
        for name in [file, "./" + file, "Examples/reuse/../harbor-bridge/v2.txt", absolute] {
            let again = try StemmaProcess.run(["index", "add", name, "--db", db])
            #expect(again.output.hasPrefix("0 added, 0 new versions, 1 unchanged · 2 documents"), "\(name)")
            let match = try StemmaProcess.run(["match", name, "--db", db])
            #expect(match.status == 0 && !match.output.contains(file) && match.output.contains("Examples/harbor-bridge/v1.txt"), "\(name)")
        }
        let withSelf = try StemmaProcess.run(["match", "./" + file, "--db", db, "--include-self"])
        #expect(withSelf.output.hasPrefix("1.000  \(file) (version 1)"))
        let diff = try StemmaProcess.run(["match", file, "--db", db, "--diff"])
        #expect(diff.output.contains("── diff: Examples/harbor-bridge/v1.txt@1 → \(file)"))
    }
}
