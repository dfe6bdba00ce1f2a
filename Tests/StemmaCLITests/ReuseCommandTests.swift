import ArgumentParser
import Foundation
@testable import StemmaCLI
import StemmaTestSupport
import Testing

@Suite(.serialized) struct ReuseCommandTests {
    let example = "Examples/reuse"

    @Test func reuseParsesItsOptionsAndRejectsBadOnes() throws {
        let command = try #require(try Stemma.parseAsRoot(["reuse", "a.jsonl", "--min-words", "30", "--max-df", "20", "--format", "json"]) as? Reuse)
        #expect(command.minWords == 30 && command.maxDF == 20 && command.format == .json)
        #expect(command.ngram == 5 && command.minMatches == 3 && command.formulaDF == 20 && !command.formulas && !command.noAlignment)
        #expect(usageError(["reuse", "-", "-"]) == "Standard input can be read only once.")
        #expect(usageError(["reuse", "a.jsonl", "--format", "xml"]) == "The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'jsonl', 'json' or 'html'.")
    }

    @Test func bundledExampleMatchesGoldenOutput() throws {
        let result = try StemmaProcess.run(["reuse", example, "--format", "text"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let golden = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Tests/StemmaCLITests/Fixtures/reuse-example.txt"), encoding: .utf8)
        #expect(result.output == golden)
    }

    @Test func jsonReportsPassagesAndDatedSources() throws {
        let result = try StemmaProcess.run(["reuse", example, "--format", "json"])
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(report["schemaVersion"] as? Int == 1)
        let passages = try #require(report["passages"] as? [[String: Any]])
        #expect(passages.count == 3)
        let clusters = try #require(report["clusters"] as? [[String: Any]])
        let sources = clusters.compactMap { ($0["source"] as? [String: Any])?["id"] as? String }
        // The release is dated first, so it is the source of everything the others copied.
        #expect(sources == Array(repeating: "water-board-release.txt", count: 3))
        // The aligned runs of a passage, joined, are its text in each document.
        let release = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("\(example)/water-board-release.txt"), encoding: .utf8)
        for passage in passages {
            let b = try #require(passage["b"] as? [String: Any])
            guard b["id"] as? String == "water-board-release.txt", let bytes = b["bytes"] as? [Int] else { continue }
            let joined = (passage["alignment"] as? [[String: Any]] ?? []).compactMap { $0["b"] as? String }.joined()
            #expect(joined == String(decoding: Array(release.utf8)[bytes[0]..<bytes[1]], as: UTF8.self))
        }
    }

    @Test func htmlMarksEdits() throws {
        let result = try StemmaProcess.run(["reuse", example, "--format", "html"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("<!doctype html>"))
        #expect(result.output.contains("<mark>pcople</mark>"))
        #expect(result.output.contains("<del>falls</del>"))
    }

    @Test func badRecordsAreSkippedWithExitOne() throws {
        let path = ScratchDirectory.root.appendingPathComponent("stemma-reuse-\(UUID().uuidString).jsonl").path
        var lines: [String] = []
        for name in ["water-board-release", "valley-courier"] {
            let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("\(example)/\(name).txt"), encoding: .utf8)
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: ["id": name, "text": text]), as: UTF8.self))
        }
        lines.insert("{\"id\": \"broken\", \"text\": ", at: 1)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let result = try StemmaProcess.run(["reuse", path, "--no-alignment"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("stemma: \(path): line 2: ") && result.stderr.hasSuffix("(skipped)\n"))
        #expect(result.output.split(separator: "\n").filter { $0.contains("\"type\":\"passage\"") }.count == 2)
        #expect(!result.output.contains("\"alignment\""))
    }

    @Test func badSettingsAndInputsExitTwo() throws {
        let ngram = try StemmaProcess.run(["reuse", example, "--ngram", "1"])
        #expect(ngram.status == 2)
        #expect(ngram.stderr.hasPrefix("stemma: ") && ngram.stderr.contains("n-gram size"))
        let missing = try StemmaProcess.run(["reuse", "/nonexistent/corpus.jsonl"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "stemma: /nonexistent/corpus.jsonl: no such file\n")
    }
}
