import Foundation
import StemmaCore
import StemmaIO
import StemmaTestSupport
import Testing

@Suite struct DeduplicatorTests {
    let directory: URL

    init() throws {
        directory = ScratchDirectory.root.appendingPathComponent("stemma-dedup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// A JSONL corpus: the three example versions, the two seeds, random unrelated stories, and
    /// short or empty documents.
    func corpus() throws -> String {
        var mutator = TextMutator(seed: 11)
        var records: [[String: String]] = [
            ["id": "harbor-v1", "text": try Fixtures.example(version: 1), "date": "2026-02-20"],
            ["id": "harbor-v2", "text": try Fixtures.example(version: 2), "date": "2026-02-21"],
            ["id": "harbor-v3", "text": try Fixtures.example(version: 3)],
            ["id": "wt", "text": try Fixtures.oldSeed(), "date": "2022-03-02"],
            ["id": "copy", "text": try Fixtures.newSeed()],
        ]
        for index in 0..<30 { records.append(["id": "unrelated-\(index)", "text": mutator.randomText(paragraphs: 5)]) }
        for index in 0..<20 { records.append(["id": "empty-\(index)", "text": index % 2 == 0 ? "" : "Too short."]) }
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        let url = directory.appendingPathComponent("corpus.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    func run(_ path: String, _ configure: (inout DedupOptions) -> Void = { _ in }) throws -> DedupResult {
        var options = DedupOptions()
        configure(&options)
        return try Deduplicator(inputs: [path], options: options).run { _ in }
    }

    func familyIDs(_ result: DedupResult) -> Set<Set<String>> {
        Set(result.families.map { Set($0.members.map { result.documents[$0.document].id }) })
    }

    @Test func findsTheVersionFamiliesAndNothingElse() throws {
        let result = try run(try corpus())
        #expect(familyIDs(result) == [["harbor-v1", "harbor-v2", "harbor-v3"], ["wt", "copy"]])
        #expect(result.documents.count == 55)
        #expect(result.setAside == 20)  // empty and short documents are never matched to each other
        #expect(result.duplicates == 3)
        let harbor = try #require(result.families.first { $0.members.count == 3 })
        #expect(result.documents[harbor.representative].id == "harbor-v1")  // earliest date
        let seeds = try #require(result.families.first { $0.members.count == 2 })
        #expect(result.documents[seeds.representative].id == "wt")
        #expect(seeds.members[1].similarity > 0.4 && seeds.members[1].similarity < 0.7)
    }

    @Test func exactVerificationGivesExactFigures() throws {
        let estimated = try run(try corpus())
        let exact = try run(try corpus()) { $0.verification = .exact }
        #expect(familyIDs(exact) == familyIDs(estimated))
        #expect(exact.pairs.allSatisfy { $0.isExact })
        let seedPair = try #require(exact.pairs.first { Set([exact.documents[$0.a].id, exact.documents[$0.b].id]) == ["wt", "copy"] })
        let (old, new) = (try Fixtures.oldSeed(), try Fixtures.newSeed())
        let diff = VersionDiff(old: old, new: new).overlap
        #expect(abs(seedPair.jaccard - diff.jaccard) < 1e-9)
        #expect(abs(seedPair.containmentAB - diff.containmentOfOldInNew) < 1e-9)
    }

    /// Exact checks read records back by offset from a plain JSONL file, and read a gzip corpus again
    /// in full; both give the same pairs.
    @Test func exactChecksAgreeWithAndWithoutOffsets() throws {
        let path = try corpus()
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", "-f", path]
        try gzip.run()
        gzip.waitUntilExit()
        let byOffset = try run(path) { $0.verification = .exact }
        let byRereading = try run(path + ".gz") { $0.verification = .exact }
        #expect(byOffset.pairs == byRereading.pairs)
        #expect(!byOffset.pairs.isEmpty)
    }

    @Test func resultsDoNotDependOnThreads() throws {
        let path = try corpus()
        let one = try run(path) { $0.threads = 1 }
        let two = try run(path) { $0.threads = 2 }
        #expect(one.pairs == two.pairs)
        #expect(one.families == two.families)
    }

    /// A wire story quoted inside a long article: Jaccard LSH misses it, `--containment` finds it.
    @Test func containmentFindsAShortTextInsideALongOne() throws {
        var generator = CorpusGenerator(seed: 5)
        generator.familyShare = 0
        let stories = generator.documents(count: 43).map(\.text)
        let wire = stories[0].components(separatedBy: "\n\n").prefix(3).joined(separator: "\n\n")
        let article = [stories[1], wire, stories[2]].joined(separator: "\n\n")
        var records = [["id": "wire", "text": wire], ["id": "article", "text": article]]
        for index in 3..<43 { records.append(["id": "other-\(index)", "text": stories[index]]) }
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let path = directory.appendingPathComponent("containment.jsonl").path
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))

        let plain = try run(path)
        #expect(plain.pairs.isEmpty)
        let contained = try run(path) { $0.containment = 0.8 }
        let pair = try #require(contained.pairs.first)
        #expect(contained.pairs.count == 1)
        #expect(Set([contained.documents[pair.a].id, contained.documents[pair.b].id]) == ["wire", "article"])
        #expect(pair.isExact && pair.jaccard < 0.2)
        #expect(max(pair.containmentAB, pair.containmentBA) > 0.95)
    }

    @Test func deduplicatedCorpusKeepsOneMemberPerFamily() throws {
        let result = try run(try corpus())
        let writer = DedupWriter(result: result, options: DedupOptions())
        let dropped = writer.dropped(keeping: .earliest).map { result.documents[$0].id }
        #expect(Set(dropped) == ["harbor-v2", "harbor-v3", "copy"])
        // The republished copy is longer than the Washington Times page, so `longest` keeps it.
        let longest = Set(writer.dropped(keeping: .longest).map { result.documents[$0].id })
        #expect(longest == ["harbor-v1", "harbor-v2", "wt"])
    }

    @Test func writersProduceParsableRecords() throws {
        let result = try run(try corpus())
        let writer = DedupWriter(result: result, options: DedupOptions())
        let lines = String(decoding: writer.pairLines() + writer.familyLines(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == result.pairs.count + result.families.count)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["type"] as? String == "pair" || object["type"] as? String == "family")
        }
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(writer.summaryJSON())) as? [String: Any])
        #expect(summary["documents"] as? Int == 55 && summary["families"] as? Int == 2)
        #expect(writer.pairCSV().hasPrefix("a,b,jaccard,containmentAB,containmentBA,exact\n"))
        #expect(writer.terminalSummary().contains("2 families · 3 duplicates"))
    }

    @Test func recordsPassThroughToTheDeduplicatedCorpus() {
        let document = Document(id: "a\"b", text: Array("Line\none".utf8), date: "2022-03-02",
                                extra: [Document.Member(key: "score", json: Array("3.5".utf8))])
        let record = CorpusRecord(document, location: "x:1")
        let line = String(decoding: CorpusWriter.jsonLine(record), as: UTF8.self)
        #expect(line == #"{"id":"a\"b","text":"Line\none","date":"2022-03-02","score":3.5}"# + "\n")
    }
}
