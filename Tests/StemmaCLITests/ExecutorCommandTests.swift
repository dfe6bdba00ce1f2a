import Foundation
import StemmaTestSupport
import Testing

/// The executor commands (`sketch`, `verify`, `ngrams`, `align`, `cluster`) compute what `dedup` and
/// `reuse` compute, record by record; the Spark job's equality with them is `SparkJobTests`.
@Suite(.serialized) struct ExecutorCommandTests {
    func jsonLines(_ data: Data) throws -> [[String: Any]] {
        try data.split(separator: 0x0A).map { try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) }
    }

    func signature(_ record: [String: Any]) throws -> [UInt32] {
        let text = try #require(record["signature"] as? String)
        let bytes = try #require(Data(base64Encoded: text))
        return stride(from: 0, to: bytes.count, by: 4).map { offset in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[bytes.startIndex + offset + $1]) << (8 * UInt32($1)) }
        }
    }

    @Test func sketchRecordsHoldWhatDedupEstimatesFrom() throws {
        let result = try StemmaProcess.run(["sketch", "Examples"])
        #expect(result.status == 0)
        let records = try jsonLines(result.stdout)
        #expect(records.map { $0["id"] as? String } == ["harbor-bridge/v1.txt", "harbor-bridge/v2.txt", "harbor-bridge/v3.txt",
                                                         "notices/record-1899-03-04.txt", "notices/record-1899-03-11.txt", "notices/record-1899-03-18.txt",
                                                         "reuse/valley-courier.txt", "reuse/water-board-release.txt", "reuse/weekly-digest.txt"])
        let v1 = try signature(records[0]), v2 = try signature(records[1])
        #expect(v1.count == 128)
        // dedup reports the pair's estimate as 0.6875 (Docs/dedup.md): 88 of 128 values agree.
        #expect(zip(v1, v2).filter { $0 == $1 }.count == 88)
        #expect((records[0]["bands"] as? [String])?.count == 26)
        #expect((records[0]["bands"] as? [String])?.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) } == true)
        #expect(records[0]["bytes"] as? Int == 2604)
        #expect(records[3]["date"] as? String == "1899-03-04")
        #expect(records[6]["date"] as? String == "2023-05-03")
        // Other parameters band differently, as dedup would.
        let strict = try jsonLines(try StemmaProcess.run(["sketch", "Examples/harbor-bridge", "--threshold", "0.8"]).stdout)
        #expect((strict[0]["bands"] as? [String])?.count == 16)
    }

    @Test func sketchMarksSetAsideDocumentsAndReportsBadLines() throws {
        let input = Data("""
        {"id":"short","text":"too few words"}
        {"id":"broken","text":
        
        {"id":"long","text":"one two three four five six seven eight nine ten eleven"}

        """.utf8)
        let result = try StemmaProcess.run(["sketch", "-"], input: input)
        #expect(result.status == 1)
        #expect(result.stderr.contains("-: line 2:") && result.stderr.contains("(skipped)"))
        let records = try jsonLines(result.stdout)
        #expect(records.map { $0["line"] as? Int } == [1, 4])
        #expect(records[0]["setAside"] as? Bool == true && records[0]["signature"] == nil)
        #expect(records[1]["setAside"] == nil && records[1]["shingles"] as? Int == 7)
    }

    @Test func verifyComputesDedupsExactFigures() throws {
        let seeds = Fixtures.sharedDirectory.appendingPathComponent("seeds")
        let texts = try ["republished-copy.txt", "washington-times-2022-03-02.txt"].map {
            try String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8)
        }
        let pair = try JSONSerialization.data(withJSONObject: ["a": 3, "b": "w", "textA": texts[0], "textB": texts[1]])
        let result = try StemmaProcess.run(["verify", "-"], input: pair + Data("\n{\"a\":1,\"b\":2}\n".utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 2") && result.stderr.contains("\"textA\""))
        let records = try jsonLines(result.stdout)
        #expect(records.count == 1)
        // The figures `stemma dedup` prints for the seed pair (Docs/dedup.md).
        #expect(records[0]["a"] as? Int == 3 && records[0]["b"] as? String == "w")
        #expect(records[0]["jaccard"] as? Double == 0.548325)
        #expect(records[0]["containmentAB"] as? Double == 0.700489 && records[0]["containmentBA"] as? Double == 0.71625)
        #expect(records[0]["exact"] as? Bool == true)
    }

    /// ngrams → anchors (done here as Spark does them) → align → cluster gives `stemma reuse`'s output.
    @Test func reuseStagesTogetherGiveReusesOutput() throws {
        let example = "Examples/reuse"
        let expected = try StemmaProcess.run(["reuse", example, "--format", "jsonl", "--min-words", "15"])
        let ngrams = try StemmaProcess.run(["ngrams", example, "--with-text"]).stdout
        let documents = try jsonLines(ngrams)
        #expect(documents.count == 3)
        #expect(documents.compactMap { $0["words"] as? Int }.reduce(0, +) == 566)
        // Read as text: Foundation's JSON reader on Linux does not keep every 64-bit integer exact.
        let hashes = try ngrams.split(separator: 0x0A).map { line in
            let text = String(decoding: line, as: UTF8.self)
            let start = try #require(text.range(of: #""ngrams":["#)).upperBound
            let end = try #require(text[start...].firstIndex(of: "]"))
            return text[start..<end].split(separator: ",").compactMap { Int($0) }
        }
        var postings: [Int: [(document: Int, position: Int)]] = [:]
        for (document, values) in hashes.enumerated() {
            for (position, hash) in values.enumerated() { postings[hash, default: []].append((document, position)) }
        }
        var anchors: [[Int]: [[Int]]] = [:]
        for occurrences in postings.values {
            for x in occurrences { for y in occurrences where x.document < y.document { anchors[[x.document, y.document], default: []].append([x.position, y.position]) } }
        }
        var requests = Data()
        for (pair, shared) in anchors.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where shared.count >= 5 {
            let (a, b) = (documents[pair[0]], documents[pair[1]])
            var request: [String: Any] = ["a": pair[0], "b": pair[1], "idA": a["id"]!, "idB": b["id"]!, "textA": a["text"]!, "textB": b["text"]!, "anchors": shared]
            request["dateA"] = a["date"]
            request["dateB"] = b["date"]
            requests += try JSONSerialization.data(withJSONObject: request) + Data("\n".utf8)
        }
        let aligned = try StemmaProcess.run(["align", "-", "--min-words", "15"], input: requests)
        #expect(aligned.status == 0)
        let passages = try jsonLines(aligned.stdout)
        #expect(passages.count == 3)
        let clusters = try StemmaProcess.run(["cluster", "-"], input: aligned.stdout)
        #expect(clusters.status == 0)
        let passageRecords = try passages.map { try JSONSerialization.data(withJSONObject: try #require($0["passage"])) }
        let rebuilt = try (passageRecords.map { try JSONSerialization.jsonObject(with: $0) as? NSDictionary } + (try jsonLines(clusters.stdout)).map { $0 as NSDictionary })
        let reference = try jsonLines(expected.stdout).map { $0 as NSDictionary }
        #expect(rebuilt.count == reference.count)
        #expect(rebuilt.compactMap { $0 } == reference)
    }

    @Test func alignLeavesOutPassagesWhoseAnchorsAreAllCommon() throws {
        let text = "the funeral will be held from the church on monday at two and friends of the family are invited to attend the service"
        let words = text.split(separator: " ").count
        let anchors = (0...(words - 5)).map { [$0, $0] }
        func request(_ frequencies: Int?) throws -> Data {
            var object: [String: Any] = ["a": 0, "b": 1, "idA": "x", "idB": "y", "textA": text, "textB": text, "anchors": anchors]
            if let frequencies { object["frequencies"] = anchors.map { _ in frequencies } }
            return try JSONSerialization.data(withJSONObject: object) + Data("\n".utf8)
        }
        // Without frequencies, or with rare n-grams, the shared words are a passage.
        for line in [try request(nil), try request(1)] {
            let result = try StemmaProcess.run(["align", "-"], input: line)
            #expect(result.status == 0)
            #expect(try jsonLines(result.stdout).count == 1)
        }
        // Every n-gram in 30 documents: formula wording, left out as `stemma reuse` leaves it out.
        let common = try StemmaProcess.run(["align", "-"], input: try request(30))
        #expect(common.status == 0 && common.stdout.isEmpty)
        let raised = try StemmaProcess.run(["align", "-", "--formula-df", "50"], input: try request(30))
        #expect(try jsonLines(raised.stdout).count == 1)
        // One count per anchor, or the line is skipped and named.
        let short = Data(#"{"a":0,"b":1,"idA":"x","idB":"y","textA":"a b c d e f","textB":"a b c d e f","anchors":[[0,0],[1,1]],"frequencies":[3]}"#.utf8 + [0x0A])
        let bad = try StemmaProcess.run(["align", "-"], input: short)
        #expect(bad.status == 1 && bad.stderr.contains("line 1") && bad.stderr.contains("\"frequencies\""))
    }

    @Test func alignRejectsAnchorsThatAreNotPairs() throws {
        let line = Data(#"{"a":0,"b":1,"idA":"x","idB":"y","textA":"a b c","textB":"a b c","anchors":[[1,2],[3]]}"#.utf8 + [0x0A])
        let result = try StemmaProcess.run(["align", "-"], input: line)
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 1") && result.stderr.contains("\"anchors\""))
        #expect(result.stdout.isEmpty)
    }
}
