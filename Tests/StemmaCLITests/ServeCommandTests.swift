import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import StemmaCLI
import StemmaTestSupport
import Testing

@Suite struct ServeParsingTests {
    @Test func serveParsesItsOptions() throws {
        let command = try #require(try Stemma.parseAsRoot(["serve", "--db", "x.db", "--port", "0", "--max-body", "2MB", "--token", "t"]) as? Serve)
        #expect(command.db == "x.db" && command.port == 0 && command.maxBody == "2MB" && command.token == "t")
        #expect(command.host == "127.0.0.1")
    }

    @Test func badValuesAreRejected() {
        #expect(usageError(["serve", "--max-body", "lots"]) == "--max-body must be a size such as 10MB, not lots")
        #expect(usageError(["serve", "--port", "70000"]) == "--port must be between 0 and 65535")
        #expect(usageError(["serve", "--log-level", "loud"]) == "--log-level must be one of trace, debug, info, notice, warning, error, critical")
    }
}

/// `stemma serve` as a user runs it: it starts, answers, and stops cleanly on a signal.
@Suite(.serialized) struct ServeCommandTests {
    /// Starts the server on a free port and returns the process and the port it printed.
    func start(db: String, arguments: [String] = []) throws -> (Process, Int, Pipe) {
        let process = Process()
        process.executableURL = StemmaProcess.executable
        process.arguments = ["serve", "--db", db, "--port", "0"] + arguments
        process.currentDirectoryURL = Fixtures.packageRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression),
                let port = Int(seen[range].split(separator: ":").last ?? "") {
                return (process, port, err)
            }
        }
        process.terminate()
        throw TestFailure("no listening line from stemma serve: \(seen)")
    }

    func get(_ url: String, method: String = "GET", body: String? = nil, token: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func servesThenStopsCleanlyOnSIGTERM() async throws {
        let db = ScratchDirectory.root.appendingPathComponent("stemma-serve-\(UUID().uuidString).db").path
        let add = try StemmaProcess.run(["index", "add", "Examples/harbor-bridge", "--db", db])
        try #require(add.status == 0, "index add: \(add.stderr)")
        let (process, port, err) = try start(db: db, arguments: ["--token", "secret"])
        defer { if process.isRunning { process.terminate() } }

        let (status, health) = try await get("http://127.0.0.1:\(port)/health")
        #expect(status == 200 && health.contains("\"documents\":3"))
        let (refused, _) = try await get("http://127.0.0.1:\(port)/api/documents", method: "POST", body: #"{"id":"n","text":"New."}"#)
        #expect(refused == 401)
        let (created, _) = try await get("http://127.0.0.1:\(port)/api/documents", method: "POST", body: #"{"id":"n","text":"New."}"#, token: "secret")
        #expect(created == 201)

        process.terminate()  // SIGTERM
        process.waitUntilExit()
        let rest = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(rest.contains("stemma serve: stopped"))
    }

    @Test func sigintStopsItToo() throws {
        let db = ScratchDirectory.root.appendingPathComponent("stemma-serve-\(UUID().uuidString).db").path
        let (process, _, _) = try start(db: db)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }

    @Test func aTakenPortIsOneLineAndExitTwo() throws {
        let db = ScratchDirectory.root.appendingPathComponent("stemma-serve-\(UUID().uuidString).db").path
        let (first, port, _) = try start(db: db)
        defer { first.terminate() }
        let second = try StemmaProcess.run(["serve", "--db", db, "--port", "\(port)"])
        #expect(second.status == 2)
        #expect(second.stderr.hasPrefix("stemma: cannot serve on 127.0.0.1:\(port): "))
        #expect(second.stderr.contains("Address already in use"))
    }

    @Test func aForeignDatabaseIsAnErrorAtStart() throws {
        let result = try StemmaProcess.run(["serve", "--db", "README.md", "--port", "0"])
        #expect(result.status == 2)
        #expect(result.stderr == "stemma: README.md: not a Stemma database (no SQLite header); nothing was changed\n")
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
