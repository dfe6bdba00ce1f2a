import Foundation
import StemmaTestSupport
import Testing

@Suite(.serialized) struct DedupCommandTests {
    let directory: URL

    init() throws {
        directory = ScratchDirectory.root.appendingPathComponent("stemma-dedup-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func corpus(extraLines: [String] = []) throws -> String {
        var lines: [String] = []
        for version in 1...3 {
            let text = try Fixtures.example(version: version)
            let data = try JSONSerialization.data(withJSONObject: ["id": "v\(version)", "text": text, "date": "2026-02-2\(version)"], options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        let seed = try JSONSerialization.data(withJSONObject: ["id": "seed", "text": try Fixtures.oldSeed(), "lang": "en"], options: [.sortedKeys])
        lines.append(String(decoding: seed, as: UTF8.self))
        let path = directory.appendingPathComponent("corpus.jsonl").path
        try Data(((lines + extraLines).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func jsonlOnStandardOutputWhenPiped() throws {
        let result = try StemmaProcess.run(["dedup", try corpus()])
        #expect(result.status == 0)
        let records = try result.output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let pairs = records.filter { $0?["type"] as? String == "pair" }
        let families = records.filter { $0?["type"] as? String == "family" }
        #expect(pairs.count == 3 && families.count == 1)
        #expect(families.first??["representative"] as? String == "v1")
        #expect(families.first??["size"] as? Int == 3)
    }

    @Test func issue12_jsonIsOneDocumentOfTheSameRecords() throws {
        let corpus = try corpus()
        let lines = try StemmaProcess.run(["dedup", corpus]).output.split(separator: "\n")
        let result = try StemmaProcess.run(["dedup", corpus, "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let pairs = try #require(document["pairs"] as? [NSDictionary]), families = try #require(document["families"] as? [NSDictionary])
        let records = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? NSDictionary) }
        #expect(pairs + families == records)
        #expect((document["summary"] as? [String: Any])?["pairs"] as? Int == 3)
    }

    @Test func outputWritesTheReportFilesAndWriteDeduplicatedKeepsOnePerFamily() throws {
        let output = directory.appendingPathComponent("out").path
        let deduplicated = directory.appendingPathComponent("clean.jsonl").path
        let result = try StemmaProcess.run(["dedup", try corpus(), "--output-dir", output, "--write-deduplicated", deduplicated, "--keep", "longest"])
        #expect(result.status == 0)
        #expect(result.output.contains("1 families · 2 duplicates"))
        for name in ["pairs.jsonl", "families.jsonl", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: "\(output)/\(name)"))
        }
        let kept = try String(contentsOfFile: deduplicated, encoding: .utf8).split(separator: "\n")
        #expect(kept.count == 2)
        #expect(kept.contains { $0.hasPrefix(#"{"id":"v3""#) })  // the longest version
        #expect(kept.contains { $0.hasPrefix(#"{"id":"seed""#) && $0.hasSuffix(#","lang":"en"}"#) })
    }

    @Test func badRecordsAreReportedSkippedAndExitOne() throws {
        let path = try corpus(extraLines: [#"{"id": "broken", "text": "#, #"{"id": "no-text"}"#])
        let result = try StemmaProcess.run(["dedup", path, "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path): line 5: invalid JSON at byte"))
        #expect(result.stderr.contains("\(path): line 6: no \"text\" field (skipped)"))
        #expect(result.output.hasPrefix("a,b,jaccard,containmentAB,containmentBA,exact\n"))
        let strict = try StemmaProcess.run(["dedup", path, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.stderr.hasPrefix("stemma: \(path): line 5: invalid JSON"))
    }

    @Test func standardInputIsReadAndExactVerificationIsReported() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: try corpus()))
        let result = try StemmaProcess.run(["dedup", "-", "--verify", "exact", "--format", "jsonl"], input: input)
        #expect(result.status == 0)
        #expect(result.output.contains(#""exact":true"#))
    }

    @Test(arguments: [
        (["dedup", "x.jsonl", "--threshold", "1.5"], "--threshold must be between 0 and 1"),
        (["dedup", "x.jsonl", "--permutations", "100"], "--permutations must be a positive multiple of 16"),
        (["dedup", "missing.jsonl"], "missing.jsonl: no such file"),
        (["dedup", "x.jsonl", "--keep", "first"], "--keep chooses what --write-deduplicated keeps"),
    ])
    func badArgumentsExitTwo(arguments: [String], message: String) throws {
        let path = try corpus()
        let result = try StemmaProcess.run(arguments.map { $0 == "x.jsonl" ? path : $0 })
        #expect(result.status == 2)
        #expect(result.stderr.contains(message))
    }
}
