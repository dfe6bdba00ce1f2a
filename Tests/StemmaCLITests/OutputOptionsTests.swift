import Foundation
@testable import StemmaCLI
import StemmaIO
import StemmaTestSupport
import Testing

/// `--output` names the file the main output is written to, atomically, in every command that
/// takes it (issue 12, section 2).
@Suite(.serialized) struct OutputOptionsTests {
    let v1 = "Examples/harbor-bridge/v1.txt", v2 = "Examples/harbor-bridge/v2.txt"
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory(prefix: "stemma-output")
    }

    func path(_ name: String) -> String { scratch.url.appendingPathComponent(name).path }

    func contents(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    /// Files a run left in the scratch directory, hidden ones (unfinished `AtomicFile`s) included.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
    }

    @Test func issue12_diffWritesItsOutputToAFile() throws {
        let run = try StemmaProcess.run(["diff", v1, v2, "-o", path("diff.txt")])
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.output.isEmpty && run.stderr.isEmpty)
        let golden = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Tests/StemmaCLITests/Fixtures/harbor-v1-v2.txt"),
                                encoding: .utf8)
        #expect(try contents("diff.txt") == golden)
        let json = try StemmaProcess.run(["diff", v1, v2, "--format", "json", "--output", path("diff.json")])
        #expect(json.status == 1 && json.output.isEmpty)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("diff.json")))) as? [String: Any]
        #expect(report?["summary"] != nil)
        #expect(try leftovers() == ["diff.json", "diff.txt"])
    }

    /// `auto` colours a terminal only; `always` colours a file too.
    @Test func issue12_colorAlwaysReachesTheFile() throws {
        _ = try StemmaProcess.run(["diff", v1, v2, "--color", "always", "-o", path("always.txt")])
        _ = try StemmaProcess.run(["diff", v1, v2, "-o", path("auto.txt")])
        #expect(try contents("always.txt").contains("\u{1B}["))
        #expect(try !contents("auto.txt").contains("\u{1B}["))
    }

    @Test func issue12_dashIsStandardOutput() throws {
        let run = try StemmaProcess.run(["diff", v1, v2, "-o", "-"])
        #expect(run.status == 1)
        #expect(run.output == (try StemmaProcess.run(["diff", v1, v2]).output) && !run.output.isEmpty)
        #expect(try leftovers().isEmpty)
    }

    /// A file that cannot be made fails the run before the work, in one line.
    @Test func issue12_anUnwritableOutputFailsFirst() throws {
        let target = path("missing/diff.txt")
        let run = try StemmaProcess.run(["diff", v1, v2, "-o", target])
        #expect(run.status == 2)
        #expect(run.stderr == "stemma: write error: \(target): create: No such file or directory\n")
    }

    @Test func issue12_dedupOutputIsAFileOfItsFormat() throws {
        let run = try StemmaProcess.run(["dedup", "Examples", "-q", "-o", path("pairs.jsonl")])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.output.isEmpty)
        let records = try contents("pairs.jsonl").split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.contains { $0?["type"] as? String == "pair" })
        #expect(records.contains { $0?["type"] as? String == "family" })
        let csv = try StemmaProcess.run(["dedup", "Examples", "-q", "-f", "csv", "-o", path("pairs.csv")])
        #expect(csv.status == 0 && csv.output.isEmpty)
        #expect(try contents("pairs.csv").hasPrefix("a,b,jaccard,"))
    }

    @Test func issue12_dedupOutputDirWritesTheThreeFiles() throws {
        let run = try StemmaProcess.run(["dedup", "Examples", "-q", "--output-dir", path("out")])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.output.contains("families"))  // the summary, as before
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("out")).sorted() == ["families.jsonl", "pairs.jsonl", "summary.json"])
    }

    /// The README's `--output out/` keeps working, with a word about the new spelling.
    @Test(arguments: ["out/", "existing"])
    func issue12_dedupOutputNamingADirectoryStillWorks(name: String) throws {
        if name == "existing" { try FileManager.default.createDirectory(atPath: path(name), withIntermediateDirectories: true) }
        let directory = scratch.path + "/" + name  // as typed: URL would drop the slash
        let run = try StemmaProcess.run(["dedup", "Examples", "-q", "--output", directory])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr == "stemma: warning: --output \(directory) names a directory: read as --output-dir \(directory) (--output now names a file)\n")
        #expect(FileManager.default.fileExists(atPath: directory + "/pairs.jsonl"))
        #expect(run.output.contains("families"))
    }

    @Test func issue12_dedupRefusesTwoOutputs() throws {
        let run = try StemmaProcess.run(["dedup", "Examples", "-o", path("a.jsonl"), "--output-dir", path("out")])
        #expect(run.status == 2)
        #expect(run.stderr == "stemma: --output FILE and --output-dir DIR both take the output; give one.\n")
    }

    @Test func issue12_patchWritesTheRebuiltTextToAFile() throws {
        let diff = try StemmaProcess.run(["diff", v1, v2, "-f", "json", "-o", path("report.json")])
        #expect(diff.status == 1)
        let run = try StemmaProcess.run(["patch", v1, path("report.json"), "-o", path("v2.txt")])
        #expect(run.status == 0 && run.output.isEmpty, "stderr: \(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("v2.txt"))) == Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(v2)))
        // The wrong old text fails its check: nothing is written, not even a temporary file.
        let wrong = try StemmaProcess.run(["patch", v2, path("report.json"), "-o", path("bad.txt")])
        #expect(wrong.status == 2)
        #expect(try leftovers() == ["report.json", "v2.txt"])
    }
}
