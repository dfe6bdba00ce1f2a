import StemmaCore
import Foundation
@testable import StemmaIO
import StemmaTestSupport
import Testing

/// ``CorpusOptions/inputFormat``, ``CorpusOptions/textMetadata`` and the "0 documents" warning
/// (issue 12, section 2).
@Suite struct InputFormatTests {
    let csv = "id,text\na,\"First story, with a comma.\"\nb,Second story.\n"

    func transcript(_ text: String, named name: String, _ format: InputFormat, metadata: TextMetadata? = nil) -> [String] {
        CorpusReader.transcript(of: Array(text.utf8), named: name, options: CorpusOptions(inputFormat: format, textMetadata: metadata))
    }

    @Test func issue12_csvOnStandardInputWhenAsked() {
        let lines = transcript(csv, named: "-", .csv)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"record "a" "First story, with a comma.""#))
        #expect(lines[1].hasPrefix(#"record "b" "Second story.""#))
        // Unasked, CSV on standard input is one text: it has no mark to be told by.
        let guessed = transcript(csv, named: "-", .auto)
        #expect(guessed.count == 1 && guessed[0].hasPrefix(#"record "-" "id,text"#))
    }

    @Test func issue12_theFormatOverridesTheExtension() {
        let jsonl = #"{"id":"x","text":"A story."}"# + "\n"
        #expect(transcript(jsonl, named: "notes.txt", .jsonl) == [#"record "x" "A story." nil nil nil nil [] at notes.txt:1"#])
        let asText = transcript(jsonl, named: "corpus.jsonl", .text)
        #expect(asText.count == 1 && asText[0].hasPrefix(#"record "corpus.jsonl" "{\"id\":"#))
        #expect(transcript(csv, named: "table.txt", .csv).count == 2)
        // JSONL asked for, text given: every line is reported, none misread as a document.
        let forced = transcript("Just some prose.\n", named: "-", .jsonl)
        #expect(forced.count == 1 && forced[0].hasPrefix("issue -: line 1: "))
    }

    @Test func issue12_whiteSpaceOnStandardInputIsNoDocument() {
        #expect(transcript(" \n\t\n", named: "-", .auto).isEmpty)
        #expect(transcript("", named: "-", .auto).isEmpty)
        // A text file is a document, even an empty one, as before.
        #expect(transcript("", named: "empty.txt", .auto).count == 1)
    }

    @Test func issue12_metadataReplacesWhatATextWouldGive() {
        let metadata = TextMetadata(id: "story-1", title: "Bridge", date: "2022-03-02", source: "Planet")
        let lines = transcript("date 2021-01-01\nThe bridge opens.\n", named: "story.txt", .auto, metadata: metadata)
        #expect(lines == [#"record "story-1" "date 2021-01-01\nThe bridge opens.\n" "Bridge" "2022-03-02" nil "Planet" [] at story.txt"#])
        let partial = transcript("date 2021-01-01\nThe bridge opens.\n", named: "-", .auto, metadata: TextMetadata(title: "T"))
        #expect(partial.count == 1 && partial[0].hasPrefix(#"record "-" "#) && partial[0].contains(#""T" "2021-01-01""#))
    }

    @Test func issue12_metadataForRecordsIsAnError() {
        let metadata = TextMetadata(id: "x")
        let jsonl = transcript(#"{"id":"a","text":"A."}"#, named: "-", .auto, metadata: metadata)
        #expect(jsonl == ["error standard input: --id, --title, --date and --source describe a single text, but this input is JSONL records (their ids and metadata come from the id, title, date and source fields)"])
        let table = transcript(csv, named: "table.csv", .auto, metadata: metadata)
        #expect(table.count == 1 && table[0].hasPrefix("error table.csv: ") && table[0].contains("CSV records"))
    }

    @Test func issue12_anInputGivingNothingIsReported() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-empty")
        let empty = try scratch.write([], named: "empty.jsonl")
        let bad = try scratch.write(Array(#"{"id": "no-text"}"#.utf8), named: "bad.jsonl")
        let good = try scratch.write(Array(#"{"id":"a","text":"A story."}"#.utf8), named: "good.jsonl")
        let folder = scratch.url.appendingPathComponent("nothing")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var issues: [String] = []
        var ids: [String] = []
        try CorpusReader(inputs: [empty, good, bad, folder.path]).forEach(report: { issues.append($0.description) }) { ids.append($0.id) }
        #expect(ids == ["a"])
        #expect(issues == [
            "warning: \(empty): 0 documents",
            "\(bad): line 1: no \"text\" field (skipped)",
            "warning: \(bad): 0 documents",
            "warning: \(folder.path): 0 documents",
        ])
    }
}
