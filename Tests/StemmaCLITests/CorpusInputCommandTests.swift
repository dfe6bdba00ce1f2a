import ArgumentParser
import Foundation
import GRDB
@testable import StemmaCLI
import StemmaIO
import StemmaTestSupport
import Testing

/// Inputs are never silently misread (issue 12, section 2): `--input-format`, files a directory
/// holds that no reader takes, and inputs that give no document.
@Suite(.serialized) struct CorpusInputCommandTests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory(prefix: "stemma-inputs")
    }

    var db: String { scratch.url.appendingPathComponent("index.db").path }

    func documents() throws -> [String] {
        try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT id FROM document ORDER BY id") }
    }

    let csv = """
    id,title,text
    a,First,"The council met on Tuesday, and the bridge opens on Monday."
    b,Second,"A second story, on the school board and its budget vote."

    """

    @Test func issue12_inputFormatParses() throws {
        for (command, words) in [("dedup", ["dedup", "-"]), ("reuse", ["reuse", "-"]), ("index add", ["index", "add", "-"])] {
            let parsed = try Stemma.parseAsRoot(words + ["--input-format", "csv"])
            let input = (parsed as? Dedup)?.input ?? (parsed as? Reuse)?.input ?? (parsed as? Index.Add)?.input
            #expect(input?.inputFormat == .csv && input?.corpus.inputFormat == .csv, "\(command)")
        }
        #expect(throws: (any Error).self) { try Stemma.parseAsRoot(["dedup", "-", "--input-format", "xml"]) }
    }

    @Test func issue12_csvOnStandardInputIsReadAsCSVWhenAsked() throws {
        let run = try StemmaProcess.run(["index", "add", "-d", db, "-", "--input-format", "csv"], input: Data(csv.utf8))
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.output.hasPrefix("2 added"))
        #expect(try documents() == ["a", "b"])
        let title = try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "SELECT title FROM document WHERE id = 'a'") }
        #expect(title == "First")
    }

    /// Without the flag the same bytes are one text, as before: CSV has no mark to tell it by.
    @Test func issue12_csvOnStandardInputIsOneTextByDefault() throws {
        let run = try StemmaProcess.run(["index", "add", "-d", db, "-"], input: Data(csv.utf8))
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.output.hasPrefix("1 added"))
    }

    @Test func issue12_inputFormatOverridesTheExtension() throws {
        let jsonl = #"{"id":"x","text":"One story about the harbor bridge and its opening."}"# + "\n"
            + #"{"id":"y","text":"Another story about the school board budget."}"# + "\n"
        let named = try scratch.write(Array(jsonl.utf8), named: "records.txt")
        let run = try StemmaProcess.run(["index", "add", "-d", db, named, "--input-format", "jsonl"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(try documents() == ["x", "y"])
    }

    @Test func issue12_filesNoReaderTakesAreNamedInOneWarning() throws {
        let corpus = scratch.url.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for name in ["story.txt", "a.html", "b.pdf", "c.png"] {
            try Data("The council met on Tuesday to discuss the harbor bridge.".utf8).write(to: corpus.appendingPathComponent(name))
        }
        let run = try StemmaProcess.run(["index", "add", "-q", "-d", db, corpus.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // HTML pages are read since issue 13; a PDF and an image still are not.
        #expect(run.stderr == "stemma: warning: \(corpus.path)/: 2 files no reader takes, skipped: b.pdf, c.png\n")
        #expect(try documents() == ["a.html", "story.txt"])
    }

    @Test func issue12_anEmptyInputSaysZeroDocuments() throws {
        let empty = try scratch.write([], named: "empty.jsonl")
        let add = try StemmaProcess.run(["index", "add", "-q", "-d", db, empty])
        #expect(add.status == 0)
        #expect(add.stderr == "stemma: warning: \(empty): 0 documents\n")
        #expect(add.output.hasPrefix("0 added, 0 new versions, 0 unchanged"))
        let dedup = try StemmaProcess.run(["dedup", "-q", "-", "-f", "text", "--verify", "estimate"], input: Data("  \n".utf8))
        #expect(dedup.status == 0)
        #expect(dedup.stderr == "stemma: warning: standard input: 0 documents\n")
        #expect(dedup.output.hasPrefix("0 documents"))
        let reuse = try StemmaProcess.run(["reuse", "-", "-f", "jsonl"], input: Data())
        #expect(reuse.stderr == "stemma: warning: standard input: 0 documents\n")
    }
}
