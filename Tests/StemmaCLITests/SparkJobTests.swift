import Foundation
import StemmaTestSupport
import Testing

/// PySpark from PyPI in a virtual environment, as `.ci/run` installs it (`.venv-spark` in the
/// package, or wherever `STEMMA_SPARK_VENV` points), run in local mode on two cores.
enum SparkRuntime {
    static let venv: URL = ProcessInfo.processInfo.environment["STEMMA_SPARK_VENV"].map { URL(fileURLWithPath: $0) }
        ?? Fixtures.packageRoot.appendingPathComponent(".venv-spark")
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: venv.appendingPathComponent("bin/spark-submit").path) }
    /// CI installs PySpark, so there a missing one fails the tests instead of skipping them.
    static var shouldRun: Bool { isInstalled || ProcessInfo.processInfo.environment["CI"] != nil }

    /// `spark-submit --master local[2] spark/stemma_spark.py ARGUMENTS… --stemma BINARY`.
    static func submit(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try #require(isInstalled, "PySpark is not installed in \(venv.path) (see .ci/run)")
        let process = Process()
        process.executableURL = venv.appendingPathComponent("bin/spark-submit")
        process.arguments = ["--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=4",
                             "--driver-memory", "2g", "spark/stemma_spark.py"] + arguments + ["--stemma", StemmaProcess.executable.path]
        process.currentDirectoryURL = Fixtures.packageRoot
        var environment = ProcessInfo.processInfo.environment
        let python = venv.appendingPathComponent("bin/python").path
        environment["PYSPARK_PYTHON"] = python
        environment["PYSPARK_DRIVER_PYTHON"] = python
        process.environment = environment
        // Spark logs a lot: standard error goes to a file, so that no pipe fills while the other is read.
        let log = ScratchDirectory.root.appendingPathComponent("stemma-spark-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let err = try FileHandle(forWritingTo: log)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errors = try Data(contentsOf: log)
        try? FileManager.default.removeItem(at: log)
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    /// The lines of a directory's part files, in order.
    static func partLines(_ directory: URL) throws -> [String] {
        let parts = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("part-") }.sorted()
        return try parts.flatMap { name in
            try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    /// A reuse job's passages, then its clusters: what `stemma reuse --format jsonl` prints, line by line.
    static func reuseLines(_ output: URL) throws -> [String] {
        try partLines(output.appendingPathComponent("passages")) + partLines(output.appendingPathComponent("clusters"))
    }
}

/// The Spark job gives `stemma dedup`'s and `stemma reuse`'s answers on the same input.
@Suite(.serialized, .enabled(if: SparkRuntime.shouldRun, "PySpark is not installed (see .ci/run)"))
struct SparkJobTests {
    static func object(_ line: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary)
    }

    /// 1,000 generated news documents in families, a line that is not JSON, a blank line, a
    /// document too short to sketch, and 80 copies of a boilerplate page scattered among them.
    static func corpus() throws -> URL {
        var generator = CorpusGenerator(seed: 15)
        var lines = try generator.documents(count: 1_000).map { document in
            String(decoding: try JSONSerialization.data(withJSONObject: ["id": document.id, "text": document.text, "date": document.date],
                                                        options: [.sortedKeys]), as: UTF8.self)
        }
        lines.insert("{\"id\": \"broken\", \"text\": ", at: 500)
        lines.insert("", at: 600)
        lines.insert(#"{"id":"brief","text":"A short notice."}"#, at: 700)
        // A boilerplate page 80 times over: its buckets are over dedup's cap of 64, so each copy is
        // paired with the first only.
        let notice = "This page is no longer available. The story you are looking for may have been moved, renamed or removed from our archive."
        for copy in 0..<80 { lines.insert(#"{"id":"notice-\#(copy)","text":"\#(notice) Reference \#(copy)."}"#, at: 200 + 9 * copy) }
        let url = ScratchDirectory.root.appendingPathComponent("stemma-spark-\(UUID().uuidString).jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url
    }

    static func scratch(_ name: String) -> URL {
        ScratchDirectory.root.appendingPathComponent("stemma-spark-\(name)-\(UUID().uuidString)")
    }

    @Test(.timeLimit(.minutes(10))) func dedupGivesDedupsFamiliesAndPairs() throws {
        let input = try Self.corpus()
        let local = Self.scratch("local"), kept = Self.scratch("kept.jsonl")
        let expected = try StemmaProcess.run(["dedup", input.path, "--format", "jsonl", "--output-dir", local.path,
                                              "--write-deduplicated", kept.path, "-q"])
        #expect(expected.status == 1)  // the broken line
        let expectedRecords = try expected.output.split(separator: "\n").map { try Self.object(String($0)) }
        let summary = try Self.object(try String(contentsOf: local.appendingPathComponent("summary.json"), encoding: .utf8))

        for verify in ["auto", "estimate"] {
            let output = Self.scratch("dedup-\(verify)"), cleaned = Self.scratch("clean-\(verify)")
            var arguments = ["dedup", input.path, "--output", output.path, "--verify", verify, "--partitions", "3"]
            if verify == "auto" { arguments += ["--write-deduplicated", cleaned.path] }
            let run = try SparkRuntime.submit(arguments)
            try #require(run.status == 0, "spark dedup failed: \(run.stderr.suffix(2_000))")
            let records = try (SparkRuntime.partLines(output.appendingPathComponent("pairs")) + SparkRuntime.partLines(output.appendingPathComponent("families")))
                .map(Self.object)
            let sparkSummary = try Self.object(try String(contentsOf: output.appendingPathComponent("summary.json"), encoding: .utf8))
            #expect(sparkSummary["documents"] as? Int == summary["documents"] as? Int)
            #expect(sparkSummary["skippedRecords"] as? Int == 1)
            #expect(sparkSummary["setAside"] as? Int == 1)
            #expect(sparkSummary["bytes"] as? Int == summary["bytes"] as? Int)
            if verify == "auto" {
                // The same records, in the same order: the same pairs, checked the same way, and families.
                #expect(records.count == expectedRecords.count)
                #expect(records == expectedRecords)
                #expect(sparkSummary["candidates"] as? Int == summary["candidates"] as? Int)
                #expect(sparkSummary["exactChecks"] as? Int == summary["exactChecks"] as? Int)
                let keptIDs = try String(contentsOf: kept, encoding: .utf8).split(separator: "\n").map { try Self.object(String($0))["id"] as? String }
                let cleanedIDs = try SparkRuntime.partLines(cleaned).map { try Self.object($0)["id"] as? String }
                #expect(cleanedIDs == keptIDs)
            } else {
                // Signatures alone: every family as dedup --verify estimate finds it.
                let estimate = try StemmaProcess.run(["dedup", input.path, "--format", "jsonl", "--verify", "estimate", "-q"])
                let estimated = try estimate.output.split(separator: "\n").map { try Self.object(String($0)) }
                #expect(records == estimated)
            }
        }
    }

    @Test(.timeLimit(.minutes(10))) func reuseGivesReusesPassagesOnTheATSTracts() throws {
        let input = Fixtures.sharedDirectory.appendingPathComponent("corpora/ats-tracts/docs.jsonl")
        try #require(FileManager.default.fileExists(atPath: input.path), "\(input.path) is missing")
        // The Spark job aligns candidate pairs only, not copies through a third copy.
        let expected = try StemmaProcess.run(["reuse", input.path, "--format", "jsonl", "--no-shared-copies"])
        #expect(expected.status == 0)
        let output = Self.scratch("reuse")
        let run = try SparkRuntime.submit(["reuse", input.path, "--output", output.path])
        try #require(run.status == 0, "spark reuse failed: \(run.stderr.suffix(2_000))")
        let lines = try SparkRuntime.reuseLines(output)
        // Byte for byte: the passages in order, their alignments, and the clusters.
        #expect(lines.joined(separator: "\n") + "\n" == expected.output)
        // The three related pairs' long passages, and the short quotations (scripture) all the tracts share.
        #expect(lines.filter { $0.hasPrefix(#"{"type":"passage""#) }.count > 8)
    }

    @Test(.timeLimit(.minutes(10))) func reuseReadsADirectoryOfTextsWithTheirDates() throws {
        let expected = try StemmaProcess.run(["reuse", "Examples/reuse", "--format", "jsonl", "--min-words", "15", "--no-shared-copies"])
        let output = Self.scratch("reuse-texts")
        let run = try SparkRuntime.submit(["reuse", "Examples/reuse", "--output", output.path, "--min-words", "15"])
        try #require(run.status == 0, "spark reuse failed: \(run.stderr.suffix(2_000))")
        let lines = try SparkRuntime.reuseLines(output)
        #expect(lines.joined(separator: "\n") + "\n" == expected.output)
        // The release's `date` line makes it every cluster's source, as in `stemma reuse`.
        #expect(lines.filter { $0.contains(#""source":{"id":"water-board-release.txt","date":"2023-05-02""#) }.count == 3)
    }

    @Test(.timeLimit(.minutes(10))) func reuseLeavesFormulaWordingOutAsReuseDoes() throws {
        // In three issues a template in all three is common at --formula-df 3: the death notices
        // that share only it are no passage, and the notices beside them are cut where they begin.
        let expected = try StemmaProcess.run(["reuse", "Examples/notices", "--format", "jsonl", "--formula-df", "3", "--no-shared-copies"])
        #expect(expected.status == 0)
        let output = Self.scratch("reuse-formulas")
        let run = try SparkRuntime.submit(["reuse", "Examples/notices", "--output", output.path, "--formula-df", "3"])
        try #require(run.status == 0, "spark reuse failed: \(run.stderr.suffix(2_000))")
        let lines = try SparkRuntime.reuseLines(output)
        #expect(lines.joined(separator: "\n") + "\n" == expected.output)
        #expect(lines.filter { $0.hasPrefix(#"{"type":"passage""#) }.count == 2)
        let summary = try String(contentsOf: output.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains(#""formulaDF": 3"#))
    }
}
