import ArgumentParser
import Foundation
import GRDB
@testable import StemmaCLI
import StemmaTestSupport
import Testing

/// `--id`, `--title`, `--date`, `--source` for a single text input (issue 12, section 2).
@Suite(.serialized) struct TextMetadataOptionsTests {
    let scratch: ScratchDirectory
    let text = "The council met on Tuesday. The bridge opens on Monday, the mayor said.\n"

    init() throws {
        scratch = try ScratchDirectory(prefix: "stemma-metadata")
    }

    var db: String { scratch.url.appendingPathComponent("index.db").path }

    func row() throws -> Row? {
        try DatabaseQueue(path: db).read { try Row.fetchOne($0, sql: "SELECT id, title, date, source FROM document") }
    }

    func validationMessage(_ arguments: [String]) -> String? {
        do {
            _ = try Stemma.parseAsRoot(arguments)
            return nil
        } catch {
            return Stemma.message(for: error)
        }
    }

    @Test func issue12_metadataOfStandardInput() throws {
        let run = try StemmaProcess.run(["index", "add", "-d", db, "-", "--id", "story-1", "--title", "Bridge opens",
                                         "--date", "2022-03-02", "--source", "Daily Planet"], input: Data(text.utf8))
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let stored = try #require(try row())
        #expect(stored["id"] as String? == "story-1")
        #expect(stored["title"] as String? == "Bridge opens")
        #expect(stored["date"] as String? == "2022-03-02")
        #expect(stored["source"] as String? == "Daily Planet")
    }

    /// A file's own id is its path and its date a leading `date` line; the flags replace them.
    @Test func issue12_metadataOfOneTextFile() throws {
        let file = try scratch.write(Array(("date 2021-01-01\n" + text).utf8), named: "story.txt")
        let run = try StemmaProcess.run(["index", "add", "-d", db, file, "--id", "bridge", "--date", "2022-03-02T09:30:00Z"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let stored = try #require(try row())
        #expect(stored["id"] as String? == "bridge")
        #expect(stored["date"] as String? == "2022-03-02T09:30:00Z")
        #expect(stored["title"] as String? == nil)
    }

    @Test func issue12_metadataWithSeveralInputsIsRefused() {
        #expect(validationMessage(["index", "add", "a.txt", "b.txt", "--id", "x"])
            == "--id describes a single text, but 2 inputs were given; give one text file or -, or put the metadata in JSONL or CSV fields.")
        #expect(validationMessage(["index", "add", "a.txt", "b.txt", "--title", "T", "--source", "S"])?
            .hasPrefix("--title, --source describe a single text, but 2 inputs were given") == true)
    }

    @Test func issue12_metadataWithRecordInputsIsRefused() {
        #expect(validationMessage(["index", "add", "corpus.jsonl", "--title", "T"])
            == "--title describes a single text, but corpus.jsonl holds JSONL records, which carry their own id, title, date and source fields (--input-format text reads it as one text).")
        #expect(validationMessage(["index", "add", "corpus.csv.gz", "--id", "x"])?.contains("holds CSV records") == true)
        #expect(validationMessage(["index", "add", "-", "--input-format", "csv", "--id", "x"])
            == "--id describes a single text, but --input-format csv reads records, which carry their own id, title, date and source fields.")
        #expect(validationMessage(["index", "add", "Examples", "--id", "x"])
            == "--id describes a single text, but Examples is a directory, whose files are documents of their own.")
        // Read as one text when asked.
        #expect(validationMessage(["index", "add", "corpus.jsonl", "--input-format", "text", "--id", "x"]) == nil)
    }

    @Test func issue12_metadataValuesAreChecked() {
        #expect(validationMessage(["index", "add", "-", "--date", "March 2"])
            == "--date must be an ISO 8601 date such as 2022-03-02 or 2022-03-02T09:30:00Z, not 'March 2'.")
        for date in ["2022", "2022-03", "2022-03-02", "2022-03-02T09:30:00Z", "2022-03-02T09:30:00.250+01:00"] {
            #expect(validationMessage(["index", "add", "-", "--date", date]) == nil, "\(date)")
        }
        #expect(validationMessage(["index", "add", "-", "--id", ""]) == "--id: id is empty")
    }

    /// Standard input turns out to hold JSONL only once read: then the run stops, saying why.
    @Test func issue12_metadataForStandardInputHoldingJSONLIsAnError() throws {
        let jsonl = #"{"id":"a","text":"The council met on Tuesday."}"# + "\n"
        let run = try StemmaProcess.run(["index", "add", "-d", db, "-", "--id", "x"], input: Data(jsonl.utf8))
        #expect(run.status == 2)
        #expect(run.stderr == "stemma: standard input: --id, --title, --date and --source describe a single text, but this input is JSONL records (their ids and metadata come from the id, title, date and source fields)\n")
    }
}
