import Foundation
import GRDB
import StemmaTestSupport
import Testing

/// `stemma export --warc`: the captures of an index as a web archive, read back by `stemma extract`.
@Suite(.serialized) struct ExportCommandTests {
    let scratch: URL
    var db: String { scratch.appendingPathComponent("stemma.db").path }

    init() throws {
        scratch = try ScratchDirectory(prefix: "stemma-export").url
    }

    /// A document in two versions, each with the capture of a page of WebExamples.
    func indexWithCaptures() throws {
        let text = scratch.appendingPathComponent("story.txt")
        try "The harbor bridge is closed for repairs.".write(to: text, atomically: true, encoding: .utf8)
        #expect(try StemmaProcess.run(["index", "add", text.path, "--db", db]).status == 0)
        try "The harbor bridge is closed for repairs until March.".write(to: text, atomically: true, encoding: .utf8)
        #expect(try StemmaProcess.run(["index", "add", text.path, "--db", db]).status == 0)
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            let rows = try Int64.fetchAll(db, sql: "SELECT id FROM documentVersion ORDER BY number")
            #expect(rows.count == 2)
            for (number, row) in rows.enumerated() {
                let body = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("WebExamples/bridge-v\(number + 1).html"))
                // Codec 0: the body as it is, as the store writes a body LZ4 does not shrink.
                try db.execute(sql: """
                    INSERT INTO capture (version, url, fetched, status, headers, codec, bytes, body, minor)
                    VALUES (?, 'https://ledger.example/bridge', ?, 200, ?, 0, ?, ?, 0)
                    """, arguments: [row, 1_780_000_000 + Double(number) * 3_600,
                                     "Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n", body.count, body])
            }
        }
    }

    @Test(arguments: ["out.warc", "out.warc.gz"]) func exportsEveryCaptureReadableByExtract(name: String) throws {
        try indexWithCaptures()
        let warc = scratch.appendingPathComponent(name).path
        let export = try StemmaProcess.run(["export", "--warc", warc, "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.output == "2 captures written to \(warc)\n" && export.stderr.isEmpty)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: warc)))
        #expect((bytes.prefix(2) == [0x1F, 0x8B]) == name.hasSuffix(".gz"))

        let extract = try StemmaProcess.run(["extract", "--format", "jsonl", warc])
        #expect(extract.status == 0, "\(extract.stderr)")
        let lines = extract.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains(#""id":"https://ledger.example/bridge""#) == true)
        #expect(lines.last?.contains(#""id":"https://ledger.example/bridge#2""#) == true)
        #expect(lines.first?.contains("Harbor Bridge") == true)

        // The same index exports the same records: ids derive from each capture, not the export.
        let again = scratch.appendingPathComponent("again-" + name).path
        #expect(try StemmaProcess.run(["export", "--warc", again, "--db", db]).status == 0)
        let ids = { (path: String) throws -> [String] in
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            return text.components(separatedBy: "WARC-Record-ID: ").dropFirst().map { String($0.prefix(47)) }
        }
        if !name.hasSuffix(".gz") { #expect(try ids(again).dropFirst() == ids(warc).dropFirst()) }
    }

    @Test func anIndexWithoutCapturesExportsTheWarcinfoRecordAlone() throws {
        let text = scratch.appendingPathComponent("story.txt")
        try "A text added by hand, not fetched.".write(to: text, atomically: true, encoding: .utf8)
        #expect(try StemmaProcess.run(["index", "add", text.path, "--db", db]).status == 0)
        let warc = scratch.appendingPathComponent("empty.warc").path
        let export = try StemmaProcess.run(["export", "--warc", warc, "--db", db])
        #expect(export.status == 0 && export.output == "0 captures written to \(warc)\n")
        let file = String(decoding: try Data(contentsOf: URL(fileURLWithPath: warc)), as: UTF8.self)
        #expect(file.hasPrefix("WARC/1.1\r\nWARC-Type: warcinfo\r\n"))
        #expect(file.components(separatedBy: "WARC/1.1\r\n").count == 2)
        #expect(file.contains("software: Stemma 0.1.0\r\nformat: WARC File Format 1.1\r\n"))
    }

    @Test func aMissingFolderIsOneLineNamingThePath() throws {
        try indexWithCaptures()
        let warc = scratch.appendingPathComponent("no/such/folder/out.warc").path
        let export = try StemmaProcess.run(["export", "--warc", warc, "--db", db])
        #expect(export.status == 2 && export.output.isEmpty)
        #expect(export.stderr == "stemma: write error: \(warc): create: No such file or directory\n")
    }

    @Test func aMissingIndexIsAnErrorAndNoFile() throws {
        let warc = scratch.appendingPathComponent("out.warc").path
        let export = try StemmaProcess.run(["export", "--warc", warc, "--db", db])
        #expect(export.status == 2 && export.stderr.hasPrefix("stemma: ") && export.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: warc) && !FileManager.default.fileExists(atPath: db))
    }

    @Test func theWarcFlagIsRequired() throws {
        let export = try StemmaProcess.run(["export", "--db", db])
        #expect(export.status != 0 && export.stderr.contains("--warc"))
    }
}
