import Foundation
import StemmaTestSupport
import Testing

/// Issue 12: a record reads the same from the command line and from the HTTP API, and `--format
/// json` is one document where `--format jsonl` is one record per line.
@Suite(.serialized) struct RecordFormatTests {
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-records-\(UUID().uuidString).db").path

    func object(_ text: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }

    @Test func issue12_commandLineJSONIsTheAPIResponse() async throws {
        _ = try StemmaProcess.run(["index", "add", "Examples/harbor-bridge", "--db", db])
        let serve = ServeCommandTests()
        let (process, port, _) = try serve.start(db: db)
        defer { process.terminate() }
        let base = "http://127.0.0.1:\(port)"

        let (familiesStatus, apiFamilies) = try await serve.get("\(base)/api/families")
        #expect(familiesStatus == 200)
        let cliFamilies = try StemmaProcess.run(["families", "--db", db, "--format", "json", "--limit", "100"])
        #expect(try object(cliFamilies.output) == object(apiFamilies))

        let (historyStatus, apiHistory) = try await serve.get("\(base)/api/families/v2.txt/history")
        #expect(historyStatus == 200)
        let cliHistory = try StemmaProcess.run(["history", "v2.txt", "--db", db, "--format", "json"])
        #expect(try object(cliHistory.output) == object(apiHistory))

        let text = try String(contentsOfFile: "Examples/harbor-bridge/v3.txt", encoding: .utf8)
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["text": text, "summary": true]), as: UTF8.self)
        let (matchStatus, apiMatches) = try await serve.get("\(base)/api/match", method: "POST", body: body)
        #expect(matchStatus == 200)
        let cliMatches = try StemmaProcess.run(["match", "Examples/harbor-bridge/v3.txt", "--db", db, "--format", "json"])
        #expect(try object(cliMatches.output) == object(apiMatches))

        // Each JSON Lines record is an element of the document's array, byte for byte compact.
        let lines = try StemmaProcess.run(["families", "--db", db, "--format", "jsonl"]).output.split(separator: "\n")
        let records = try #require(try object(apiFamilies)["families"] as? [NSDictionary])
        #expect(try lines.map { try object(String($0)) } == records)
        #expect(apiFamilies.contains(String(lines[0])))
    }

    @Test func issue12_outputNamesAFileInEveryCommandThatWritesRecords() throws {
        _ = try StemmaProcess.run(["index", "add", "Examples/harbor-bridge", "--db", db])
        let commands: [[String]] = [
            ["families", "--db", db, "--format", "json"], ["history", "v2.txt", "--db", db, "--format", "json"],
            ["match", "Examples/harbor-bridge/v3.txt", "--db", db, "--format", "json"], ["index", "list", "--db", db, "--format", "json"],
        ]
        for command in commands {
            let file = db + ".\(command[0]).json"
            let printed = try StemmaProcess.run(command)
            let written = try StemmaProcess.run(command + ["-o", file])
            #expect(written.status == printed.status && written.output.isEmpty, "\(command)")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.output, "\(command)")
        }
    }
}
