import Foundation
import GRDB
import StemmaTestSupport
import Testing

/// The `stemma` binary under inputs and outputs that go wrong: every case ends in one clear line
/// and exit status 2 (or 1 for skipped records), never a trap (issue 11).
@Suite(.serialized) struct HostileInputTests {
    let v1 = "Examples/harbor-bridge/v1.txt", v2 = "Examples/harbor-bridge/v2.txt"

    /// The message must be one line starting `stemma:`, and the process must not have trapped.
    func expectOneLineError(_ run: StemmaProcess, status: Int32 = 2, containing text: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == status, "status \(run.status), stderr: \(run.stderr)", sourceLocation: sourceLocation)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("stemma: ") && run.stderr.contains(text), "stderr: \(run.stderr)", sourceLocation: sourceLocation)
    }

    // MARK: Item 3: standard output that cannot be written

    @Test func issue11_fullDiskOnStandardOutputIsAWriteError() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for arguments in [["diff", v1, v2], ["diff", v1, v2, "--format", "json"], ["diff", v1, v2, "--format", "html"]] {
            let run = try StemmaProcess.run(arguments, standardOutput: full)
            expectOneLineError(run, containing: "write error: standard output: No space left on device")
        }
    }

    @Test func issue11_aClosedDescriptorIsAWriteError() throws {
        let pipe = Pipe()
        let readOnly = pipe.fileHandleForReading  // writing to a read end fails with EBADF
        let run = try StemmaProcess.run(["diff", v1, v2], standardOutput: readOnly)
        expectOneLineError(run, containing: "write error: standard output: Bad file descriptor")
    }

    @Test func issue11_aBrokenPipeEndsQuietly() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-pipe")
        // Distinct sentences: enough output (about 2 MB) to fill any pipe buffer.
        let text = (0..<40_000).map { "Sentence \($0) says the council met on Tuesday. " }.joined()
        let old = try scratch.write(Array(text.utf8), named: "old.txt")
        let new = try scratch.write(Array(text.replacingOccurrences(of: "Sentence 7 says the council met on Tuesday", with: "Sentence 7 says it met on Monday").utf8),
                                    named: "new.txt")
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()  // no reader: the first write fails with EPIPE
        let run = try StemmaProcess.run(["diff", old, new], standardOutput: pipe.fileHandleForWriting)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
    }

    // MARK: Item 4

    @Test func issue11_lossyJSONDiffOfAFileWithItself() throws {
        let run = try StemmaProcess.run(["diff", "--lossy", "--format", "json", v1, v1])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["replacedInvalidSequences"] as? [String: Int] == [v1: 0])
    }

    // MARK: Item 1 in the CLI

    @Test(arguments: [["--since", "March"], ["--until", "0"], ["--until=-1"], ["--since", "2022-02-30x"]])
    func issue11_familiesRefusesADateThatIsNotISO(arguments: [String]) throws {
        let scratch = try ScratchDirectory(prefix: "stemma-families")
        let db = scratch.url.appendingPathComponent("index.db").path
        #expect(try StemmaProcess.run(["index", "add", "--db", db, v1, v2]).status == 0)
        let run = try StemmaProcess.run(["families", "--db", db] + arguments)
        let value = arguments.count == 2 ? arguments[1] : String(arguments[0].split(separator: "=")[1])
        expectOneLineError(run, containing: "'\(value)' is not an ISO date")
    }

    @Test func issue11_familiesWithAStartAfterTheEndIsEmpty() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-families")
        let db = scratch.url.appendingPathComponent("index.db").path
        #expect(try StemmaProcess.run(["index", "add", "--db", db, v1, v2]).status == 0)
        let run = try StemmaProcess.run(["families", "--db", db, "--since", "2022-04-01", "--until", "2022-03-01"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.output.isEmpty)
    }

    // MARK: Item 10: patch checks both texts

    func diffReport(in scratch: ScratchDirectory) throws -> (old: String, report: String, json: [String: Any]) {
        let old = try scratch.write(Array("The bridge opens on Monday. It cost 4 million.\n".utf8), named: "old.txt")
        let new = try scratch.write(Array("The bridge opened. It cost 4.2 million, the council said.\n".utf8), named: "new.txt")
        let run = try StemmaProcess.run(["diff", "--format", "json", old, new])
        #expect(run.status == 1)
        let report = try scratch.write(Array(run.stdout), named: "report.json")
        return (old, report, try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any]))
    }

    @Test func issue11_patchRefusesAnotherOldTextOfTheSameLength() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-patch")
        let (old, report, _) = try diffReport(in: scratch)
        let good = try StemmaProcess.run(["patch", old, report])
        #expect(good.status == 0 && good.output == "The bridge opened. It cost 4.2 million, the council said.\n")
        let other = try scratch.write(Array("The bridge opens on Friday. It cost 4 million.\n".utf8), named: "other.txt")
        let run = try StemmaProcess.run(["patch", other, report])
        expectOneLineError(run, containing: "other.txt: is not the text the report was made from")
        #expect(run.stdout.isEmpty)
    }

    @Test func issue11_patchRefusesAScriptThatDoesNotRebuildTheNewText() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-patch")
        var (old, _, json) = try diffReport(in: scratch)
        var script = try #require(json["editScript"] as? [[String: Any]])
        script.removeLast()
        json["editScript"] = script
        let short = try scratch.write(Array(try JSONSerialization.data(withJSONObject: json)), named: "short.json")
        let run = try StemmaProcess.run(["patch", old, short])
        expectOneLineError(run, containing: "short.json: edit script makes")
        #expect(run.stdout.isEmpty)
        (old, _, json) = try diffReport(in: scratch)
        json["editScript"] = [["copy": [0, 4], "insert": "x"]]
        let both = try scratch.write(Array(try JSONSerialization.data(withJSONObject: json)), named: "both.json")
        expectOneLineError(try StemmaProcess.run(["patch", old, both]), containing: "exactly one of copy and insert")
    }

    // MARK: Item 9: --write-deduplicated

    /// Runs `stemma` under `ulimit -f` (KiB): a write past the limit fails as on a full disk.
    func runWithFileSizeLimit(_ kibibytes: Int, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f \(kibibytes); exec \"$0\" \"$@\"", StemmaProcess.executable.path] + arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    @Test func issue11_writeDeduplicatedOnAFullDiskLeavesThePreviousFile() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-dedup")
        // Texts of random words, none a near-duplicate of another: all 200 are kept.
        var rng = SplitMix64(seed: 7)
        let lines = (0..<200).map { index in
            let words = (0..<30).map { _ in "w\(UInt64.random(in: 0..<5_000, using: &rng))" }.joined(separator: " ")
            return "{\"id\":\"d\(index)\",\"text\":\"\(words)\"}\n"
        }
        let corpus = try scratch.write(Array(lines.joined().utf8), named: "corpus.jsonl")
        let kept = try scratch.write(Array("previous\n".utf8), named: "kept.jsonl")
        let run = try runWithFileSizeLimit(4, ["dedup", corpus, "--write-deduplicated", kept, "--quiet"])
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stderr.hasPrefix("stemma: write error: \(kept): File too large"), "stderr: \(run.stderr)")
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["corpus.jsonl", "kept.jsonl"])

        let ok = try StemmaProcess.run(["dedup", corpus, "--write-deduplicated", kept, "--quiet"])
        #expect(ok.status == 0, "stderr: \(ok.stderr)")
        #expect(try String(contentsOfFile: kept, encoding: .utf8).split(separator: "\n").count == 200)
    }

    @Test func issue11_writeDeduplicatedIntoAMissingFolderIsAWriteError() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-dedup")
        let corpus = try scratch.write(Array("{\"id\":\"a\",\"text\":\"One story about the harbor bridge.\"}\n".utf8), named: "corpus.jsonl")
        let target = scratch.url.appendingPathComponent("missing/kept.jsonl").path
        expectOneLineError(try StemmaProcess.run(["dedup", corpus, "--write-deduplicated", target, "--quiet"]),
                           containing: "write error: \(target): create: No such file or directory")
    }

    // MARK: Item 18: messages

    @Test func issue11_storeMessagesSayWhatIsWrong() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-store")
        expectOneLineError(try StemmaProcess.run(["families", "--db", scratch.url.appendingPathComponent("no/where.db").path]),
                           containing: "cannot open the index: no such folder")
        expectOneLineError(try StemmaProcess.run(["index", "add", "--db", scratch.url.appendingPathComponent("no/where.db").path, v1]),
                           containing: "cannot open the index: no such folder")
        expectOneLineError(try StemmaProcess.run(["match", "--db", scratch.path, v1]), containing: "is a directory")
    }

    @Test func issue11_containmentOutOfRangeNamesContainment() throws {
        let run = try StemmaProcess.run(["dedup", "--containment", "2", v1, v2])
        expectOneLineError(run, containing: "--containment must be above 0 and at most 1")
    }

    // MARK: Readers, end to end

    @Test func issue11_indexAddSkipsANulIDAndKeepsTheRest() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-nul")
        let lines = [
            #"{"id":"good1","text":"The harbor bridge opened on Monday after years of work by the city council."}"#,
            #"{"id":"nul\u0000id","text":"Another story entirely, about the weather and the rain in spring."}"#,
            #"{"id":"good2","text":"A third story, on the school board and its budget vote this week."}"#,
        ]
        let corpus = try scratch.write(Array((lines.joined(separator: "\n") + "\n").utf8), named: "corpus.jsonl")
        let db = scratch.url.appendingPathComponent("index.db").path
        let run = try StemmaProcess.run(["index", "add", "--db", db, corpus, "--quiet"])
        expectOneLineError(run, status: 1, containing: "corpus.jsonl: line 2: id contains a NUL character (skipped)")
        #expect(run.output.hasPrefix("2 added"))
        let ids = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT id FROM document ORDER BY id") }
        #expect(ids == ["good1", "good2"])
    }

    @Test func issue11_deeplyNestedMemberIsSkippedAndTheRestRead() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-deep")
        let deep = #"{"id":"deep","text":"x","m":"# + String(repeating: "[", count: 80_000) + String(repeating: "]", count: 80_000) + "}"
        let good = #"{"id":"ok","text":"The harbor bridge opened on Monday after years of work."}"#
        let corpus = try scratch.write(Array((deep + "\n" + good + "\n").utf8), named: "deep.jsonl")
        let run = try StemmaProcess.run(["dedup", corpus, "--quiet", "--format", "jsonl"])
        expectOneLineError(run, status: 1, containing: "deep.jsonl: line 1: invalid JSON at byte 540: arrays and objects nested deeper than 512 levels (skipped)")
    }

    @Test func issue11_excelCSVWithAByteOrderMarkFindsItsIDColumn() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-bom")
        let csv = "\u{FEFF}id,text\r\na,The harbor bridge opened on Monday after years of work by the council.\r\n"
            + "b,The harbor bridge opened on Monday after years of work by the city council.\r\n"
        let corpus = try scratch.write(Array(csv.utf8), named: "excel.csv")
        let run = try StemmaProcess.run(["dedup", corpus, "--quiet", "--format", "jsonl"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.output.contains(#"{"type":"pair","a":"a","b":"b""#))
        #expect(run.stderr.isEmpty)
    }

    @Test func issue11_aSymlinkedDirectoryIsRead() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-link")
        let real = scratch.url.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.examplePath(version: 1), toPath: real.appendingPathComponent("v1.txt").path)
        try FileManager.default.copyItem(atPath: Fixtures.examplePath(version: 2), toPath: real.appendingPathComponent("v2.txt").path)
        let link = scratch.url.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real.path)
        let db = scratch.url.appendingPathComponent("index.db").path
        let run = try StemmaProcess.run(["index", "add", "--db", db, link, "--quiet"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.output.hasPrefix("2 added"))
    }

    @Test func issue11_aRecordOverTheSizeLimitIsReportedAndSkipped() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-cap")
        let big = #"{"id":"big","text":""# + String(repeating: "word ", count: 400) + #""}"#
        let small = #"{"id":"small","text":"The harbor bridge opened on Monday after years of work."}"#
        let corpus = try scratch.write(Array((big + "\n" + small + "\n").utf8), named: "capped.jsonl")
        let run = try StemmaProcess.run(["dedup", corpus, "--quiet", "--format", "jsonl", "--max-record-size", "1KB"])
        expectOneLineError(run, status: 1, containing: "capped.jsonl: line 1:")
        expectOneLineError(try StemmaProcess.run(["dedup", corpus, "--max-record-size", "lots"]),
                           containing: "--max-record-size must be a size such as 64MB, not lots")
    }
}
