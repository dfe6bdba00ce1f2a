import Foundation
import GRDB
import StemmaTestSupport
import Testing

/// Issue 4, reliability: `stemma index add` killed with SIGKILL at several moments, then run again,
/// leaves a sound database equal to an uninterrupted run. (A longer loop belongs in a script.)
@Suite(.serialized) struct IndexCrashTests {
    let directory: URL

    init() throws {
        directory = ScratchDirectory.root.appendingPathComponent("stemma-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func corpus(count: Int) throws -> String {
        var generator = CorpusGenerator(seed: 99)
        let lines = try generator.documents(count: count).map { document in
            String(decoding: try JSONSerialization.data(withJSONObject: ["id": document.id, "text": document.text, "date": document.date]), as: UTF8.self)
        }
        let path = directory.appendingPathComponent("corpus.jsonl").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Starts `stemma index add`, kills it after `delay` seconds (if still running).
    func killedRun(corpus: String, db: String, after delay: Double) throws {
        let process = Process()
        process.executableURL = StemmaProcess.executable
        process.arguments = ["index", "add", corpus, "--db", db, "--commit-every", "256"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The soundness and counts of `db`, and, when `families`, what `stemma families` prints.
    ///
    /// A run killed before its first migration committed (0.4 s is not always enough on a loaded
    /// machine) leaves a file without tables: sound, and empty.
    func state(of db: String, families: Bool = true) throws -> (integrity: String, documents: Int, versions: Int, families: String) {
        let queue = try DatabaseQueue(path: db)
        let (integrity, documents, versions) = try queue.read { db in
            let migrated = try db.tableExists("document")
            return (try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "",
                    migrated ? try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0 : 0,
                    migrated ? try Int.fetchOne(db, sql: "SELECT count(*) FROM documentVersion") ?? 0 : 0)
        }
        try queue.close()
        let listed = families ? try StemmaProcess.run(["families", "--db", db, "--format", "jsonl"]).output : ""
        return (integrity, documents, versions, listed)
    }

    @Test func killedIndexingRecoversToTheSameResult() throws {
        let corpus = try corpus(count: 3_000)
        let reference = directory.appendingPathComponent("reference.db").path
        #expect(try StemmaProcess.run(["index", "add", corpus, "--db", reference]).status == 0)
        let expected = try state(of: reference)
        #expect(expected.integrity == "ok" && expected.documents == 3_000 && expected.versions == 3_000)

        let db = directory.appendingPathComponent("killed.db").path
        for delay in [0.4, 1.2, 2.5] {
            try killedRun(corpus: corpus, db: db, after: delay)
            // Between kills the file holds whole transactions only, and is sound.
            let partial = try state(of: db, families: false)
            #expect(partial.integrity == "ok" && partial.documents <= 3_000 && partial.documents == partial.versions)
        }
        let final = try StemmaProcess.run(["index", "add", corpus, "--db", db, "--commit-every", "256"])
        #expect(final.status == 0)
        let recovered = try state(of: db)
        #expect(recovered.integrity == "ok")
        #expect(recovered.documents == expected.documents && recovered.versions == expected.versions)
        #expect(recovered.families == expected.families)
    }

    /// Issue 4: `match` and `families` answer while `index add` holds its (long) write transaction.
    @Test func readersWorkWhileIndexing() throws {
        let db = directory.appendingPathComponent("busy.db").path
        #expect(try StemmaProcess.run(["index", "add", "Examples", "--db", db]).status == 0)
        let corpus = try corpus(count: 6_000)
        let writer = Process()
        writer.executableURL = StemmaProcess.executable
        writer.arguments = ["index", "add", corpus, "--db", db]
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        defer { if writer.isRunning { kill(writer.processIdentifier, SIGKILL) } }
        Thread.sleep(forTimeInterval: 0.5)
        var readsDuringWrite = 0
        for _ in 0..<5 {
            let wasRunning = writer.isRunning
            let match = try StemmaProcess.run(["match", "Examples/harbor-bridge/v2.txt", "--db", db])
            #expect(match.status == 0 && match.stderr.isEmpty)
            #expect(match.output.contains("harbor-bridge/v2.txt (version 1)"))
            let families = try StemmaProcess.run(["families", "--db", db])
            #expect(families.status == 0 && families.stderr.isEmpty)
            #expect(families.output.contains("harbor-bridge/v1.txt, harbor-bridge/v2.txt, harbor-bridge/v3.txt"))
            if wasRunning && writer.isRunning { readsDuringWrite += 1 }
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        // The reads overlapped the write; otherwise this test proved nothing.
        #expect(readsDuringWrite > 0)
    }
}
