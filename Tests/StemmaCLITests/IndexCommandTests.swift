import Foundation
import StemmaTestSupport
import Testing

@Suite(.serialized) struct IndexCommandTests {
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-index-\(UUID().uuidString).db").path

    @Test func indexThenMatch() throws {
        let add = try StemmaProcess.run(["index", "add", "Examples", "--db", db])
        #expect(add.status == 0)
        #expect(add.output == "6 added, 0 new versions, 0 unchanged · 6 documents, 6 versions in \(db)\n")  // harbor-bridge and reuse examples
        let again = try StemmaProcess.run(["index", "add", "Examples", "--db", db])
        #expect(again.output.hasPrefix("0 added, 0 new versions, 6 unchanged"))

        let match = try StemmaProcess.run(["match", "Examples/harbor-bridge/v3.txt", "--db", db, "--format", "json"])
        #expect(match.status == 0)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(match.output.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == "harbor-bridge/v3.txt")
        #expect(first["jaccard"] as? Double == 1)
        #expect(match.output.split(separator: "\n").count == 3)

        let none = try StemmaProcess.run(["match", "README.md", "--db", db])
        #expect(none.status == 1 && none.output.isEmpty)
    }

    @Test func matchSummarizesChangesAndShowsTheBestDiff() throws {
        _ = try StemmaProcess.run(["index", "add", "../shared/seeds/washington-times-2022-03-02.txt", "Examples/harbor-bridge/v1.txt", "--db", db])
        let text = try StemmaProcess.run(["match", "../shared/seeds/republished-copy.txt", "--db", db])
        #expect(text.status == 0)
        let line = try #require(text.output.split(separator: "\n").first.map(String.init))
        #expect(line.hasPrefix("0.5") && line.contains("washington-times-2022-03-02.txt (version 1)  2022-03-02"))
        // The republished copy adds the Kirby sentences and "Bill Gertz" and drops "Wednesday".
        #expect(line.contains("added") && line.contains("names-added") && line.contains("time-words-removed"))

        let json = try StemmaProcess.run(["match", "../shared/seeds/republished-copy.txt", "--db", db, "--format", "json", "--diff"])
        let lines = json.output.split(separator: "\n").map { Data($0.utf8) }
        #expect(lines.count == 2)
        let match = try #require(try JSONSerialization.jsonObject(with: lines[0]) as? [String: Any])
        #expect((match["changes"] as? [String: Int])?["added"] == 7)
        #expect((match["tags"] as? [String: Int])?["names-added"] != nil)
        let diff = try #require((try JSONSerialization.jsonObject(with: lines[1]) as? [String: Any])?["diff"] as? [String: Any])
        #expect(diff["schemaVersion"] as? Int == 1)
        // Issue 12: a file outside the current directory is indexed under its absolute path.
        let seed = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds/washington-times-2022-03-02.txt").path
        #expect((diff["old"] as? [String: Any])?["path"] as? String == seed + "@1")

        let terminal = try StemmaProcess.run(["match", "../shared/seeds/republished-copy.txt", "--db", db, "--diff"])
        #expect(terminal.output.contains("── diff: \(seed)@1 → ../shared/seeds/republished-copy.txt"))
        #expect(terminal.output.contains("Guy Taylor{+, Bill Gertz+} and David R. Sands"))
    }

    @Test func familiesOfTheIndex() throws {
        _ = try StemmaProcess.run(["index", "add", "Examples", "../shared/seeds", "--db", db])
        let text = try StemmaProcess.run(["families", "--db", db])
        #expect(text.status == 0)
        #expect(text.output == """
            3  harbor-bridge/v1.txt, harbor-bridge/v2.txt, harbor-bridge/v3.txt
            2  washington-times-2022-03-02.txt, republished-copy.txt  (2022-03-02)

            """)
        let json = try StemmaProcess.run(["families", "--db", db, "--format", "json", "--since", "2022-01-01"])
        #expect(json.output.split(separator: "\n").count == 1)
        #expect(json.output.contains(#""members":["washington-times-2022-03-02.txt","republished-copy.txt"]"#))
    }

    @Test func missingIndexAndForeignFilesAreErrors() throws {
        let missing = try StemmaProcess.run(["match", "README.md", "--db", db + ".missing"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such index"))
        let foreign = try StemmaProcess.run(["index", "add", "Examples", "--db", "README.md"])
        #expect(foreign.status == 2)
        #expect(foreign.stderr == "stemma: README.md: not a Stemma database (no SQLite header); nothing was changed\n")
    }
}
