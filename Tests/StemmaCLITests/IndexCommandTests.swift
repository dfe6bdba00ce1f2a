import Foundation
import StemmaTestSupport
import Testing

@Suite(.serialized) struct IndexCommandTests {
    let db = ScratchDirectory.root.appendingPathComponent("stemma-index-\(UUID().uuidString).db").path

    @Test func reindexingIsUnchangedAndMatchRanksTheIndexedCopyFirst() throws {
        let add = try StemmaProcess.run(["index", "add", "Examples", "--db", db])
        #expect(add.status == 0)
        #expect(add.output == "9 added, 0 new versions, 0 unchanged · 9 documents, 9 versions in \(db)\n")  // harbor-bridge, notices and reuse examples
        let again = try StemmaProcess.run(["index", "add", "Examples", "--db", db])
        #expect(again.output.hasPrefix("0 added, 0 new versions, 9 unchanged"))

        let match = try StemmaProcess.run(["match", "Examples/harbor-bridge/v3.txt", "--db", db, "--format", "jsonl"])
        #expect(match.status == 0)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(match.output.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == "harbor-bridge/v3.txt")
        #expect(first["jaccard"] as? Double == 1)
        #expect(match.output.split(separator: "\n").count == 3)

        // Issue 12: --format json is one document, the object POST /api/match answers with.
        let document = try StemmaProcess.run(["match", "Examples/harbor-bridge/v3.txt", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.output.utf8)) as? [String: Any])
        let matches = try #require(object["matches"] as? [[String: Any]])
        #expect(matches.count == 3 && matches.first?["id"] as? String == "harbor-bridge/v3.txt")

        let none = try StemmaProcess.run(["match", "README.md", "--db", db])
        #expect(none.status == 1 && none.output.isEmpty)
    }

    @Test func matchSummarizesChangesAndShowsTheBestDiff() throws {
        let (old, new) = (try Fixtures.oldSeedPath(), try Fixtures.newSeedPath())
        let add = try StemmaProcess.run(["index", "add", old, "Examples/harbor-bridge/v1.txt", "--db", db])
        try #require(add.status == 0, "index add: \(add.stderr)")
        let text = try StemmaProcess.run(["match", new, "--db", db])
        #expect(text.status == 0)
        let line = try #require(text.output.split(separator: "\n").first.map(String.init))
        #expect(line.hasPrefix("0.5") && line.contains("washington-times-2022-03-02.txt (version 1)  2022-03-02"))
        // The republished copy adds the Kirby sentences and "Bill Gertz" and drops "Wednesday".
        #expect(line.contains("added") && line.contains("names-added") && line.contains("time-words-removed"))

        let json = try StemmaProcess.run(["match", new, "--db", db, "--format", "jsonl", "--diff"])
        let lines = json.output.split(separator: "\n").map { Data($0.utf8) }
        #expect(lines.count == 2)
        let match = try #require(try JSONSerialization.jsonObject(with: lines[0]) as? [String: Any])
        #expect((match["changes"] as? [String: Int])?["added"] == 7)
        #expect((match["tags"] as? [String: Int])?["names-added"] != nil)
        let diff = try #require((try JSONSerialization.jsonObject(with: lines[1]) as? [String: Any])?["diff"] as? [String: Any])
        #expect(diff["schemaVersion"] as? Int == 2)
        // Issue 12: a file outside the current directory is indexed under its absolute path.
        let seed = URL(fileURLWithPath: old).standardizedFileURL.path
        #expect((diff["old"] as? [String: Any])?["path"] as? String == seed + "@1")
        let document = try StemmaProcess.run(["match", new, "--db", db, "--format", "json", "--diff"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.output.utf8)) as? [String: Any])
        #expect((object["matches"] as? [[String: Any]])?.count == 1)
        #expect((object["diff"] as? [String: Any])?["schemaVersion"] as? Int == 2)

        let terminal = try StemmaProcess.run(["match", new, "--db", db, "--diff"])
        #expect(terminal.output.contains("── diff: \(seed)@1 → \(new)"))
        #expect(terminal.output.contains("Guy Taylor{+, Bill Gertz+} and David R. Sands"))
    }

    @Test func familiesListsTheVersionFamiliesLargestFirstAndFiltersByDate() throws {
        let add = try StemmaProcess.run(["index", "add", "Examples", try Fixtures.seedsPath(), "--db", db])
        try #require(add.status == 0, "index add: \(add.stderr)")
        let text = try StemmaProcess.run(["families", "--db", db])
        #expect(text.status == 0)
        #expect(text.output == """
            3  harbor-bridge/v1.txt, harbor-bridge/v2.txt, harbor-bridge/v3.txt
            2  washington-times-2022-03-02.txt, republished-copy.txt  (2022-03-02)

            """)
        let json = try StemmaProcess.run(["families", "--db", db, "--format", "jsonl", "--since", "2022-01-01"])
        #expect(json.output.split(separator: "\n").count == 1)
        #expect(json.output.contains(#""members":["washington-times-2022-03-02.txt","republished-copy.txt"]"#))
        let document = try StemmaProcess.run(["families", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.output.utf8)) as? [String: Any])
        #expect((object["families"] as? [[String: Any]])?.map { $0["size"] as? Int } == [3, 2])
    }

    @Test func missingIndexAndForeignFilesAreErrors() throws {
        let missing = try StemmaProcess.run(["match", "README.md", "--db", db + ".missing"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such index"))
        let foreign = try StemmaProcess.run(["index", "add", "Examples", "--db", "README.md"])
        #expect(foreign.status == 2)
        #expect(foreign.stderr == "stemma: README.md: not a Stemma database (no SQLite header); nothing was changed\n")
    }

    @Test func issue12_badParametersLeaveNoDatabase() throws {
        let result = try StemmaProcess.run(["index", "add", "Examples/harbor-bridge", "--db", db, "--shingle", "20"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("shingle"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func issue12_readingCommandsTakeTheOtherParametersFromTheStore() throws {
        #expect(try StemmaProcess.run(["index", "add", "Examples/harbor-bridge", "--db", db, "--permutations", "256"]).status == 0)
        let match = try StemmaProcess.run(["match", "Examples/harbor-bridge/v3.txt", "--db", db, "--threshold", "0.5"])
        #expect(match.status == 0 && match.output.hasPrefix("1.000  v3.txt"))
        let other = try StemmaProcess.run(["match", "Examples/harbor-bridge/v3.txt", "--db", db, "--permutations", "128"])
        #expect(other.status == 2)
        #expect(other.stderr == "stemma: \(db): made with --shingle 5 --permutations 256 --seed 1 --threshold 0.5, not --permutations 128; leave those flags out, or use another --db\n")
    }
}
