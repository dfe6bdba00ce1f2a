import ArgumentParser
import Foundation
@testable import StemmaCLI
import StemmaTestSupport
import Testing

@Suite struct ParsingTests {
    @Test func diffParsesItsOptions() throws {
        let command = try #require(try Stemma.parseAsRoot(["diff", "a.txt", "b.txt", "--format", "json", "--context", "2", "--lossy"]) as? Diff)
        #expect(command.old == "a.txt" && command.new == "b.txt")
        #expect(command.format == .json && command.context == 2 && command.lossy)
        #expect(command.color.color == .auto && !command.onlyChanges)
    }

    @Test func badFlagCombinationsAreRejected() {
        #expect(usageError(["diff", "-", "-"]) == "Only one of OLD and NEW can be standard input.")
        #expect(usageError(["diff", "a", "b", "--format", "xml"]) == "The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json' or 'html'.")
        #expect(usageError(["diff", "a"]) == "Missing expected argument '<new>'")
    }
}

/// The usage error `stemma` reports for `arguments` (the message it prints after "Error: ", before
/// exiting 2), or `nil` when they parse.
///
/// argument-parser wraps every parsing and `validate()` error in a type of its own that is not
/// public, so the message and the exit code are what a test can check.
func usageError(_ arguments: [String]) -> String? {
    do {
        _ = try Stemma.parseAsRoot(arguments)
        return nil
    } catch {
        let code = Stemma.exitCode(for: error)
        return code == .validationFailure ? Stemma.message(for: error) : "not a usage error (exit \(code.rawValue)): \(error)"
    }
}

/// Runs the built `stemma` binary, as a user would.
struct StemmaProcess {
    static let executable: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stemma")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/stemma")
    }()

    var status: Int32
    var stdout: Data
    var stderr: String

    var output: String { String(decoding: stdout, as: UTF8.self) }

    /// Runs `stemma` with `arguments`; with `standardOutput`, its output goes there (a file such
    /// as /dev/full, or a pipe nobody reads) instead of being collected.
    static func run(_ arguments: [String], input: Data? = nil, standardOutput: FileHandle? = nil) throws -> StemmaProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        if standardOutput != nil { try out.fileHandleForWriting.close() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return StemmaProcess(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite(.serialized) struct DiffCommandTests {
    let v1 = "Examples/harbor-bridge/v1.txt", v2 = "Examples/harbor-bridge/v2.txt"

    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = ScratchDirectory.root.appendingPathComponent("stemma-cli-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func bundledExampleMatchesGoldenOutput() throws {
        let result = try StemmaProcess.run(["diff", v1, v2])
        #expect(result.status == 1)
        let golden = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Tests/StemmaCLITests/Fixtures/harbor-v1-v2.txt"), encoding: .utf8)
        #expect(result.output == golden)
        #expect(result.stderr.isEmpty)
    }

    @Test func identicalTextsExitZero() throws {
        let result = try StemmaProcess.run(["diff", v1, v1, "--only-changes"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("identical"))
    }

    @Test func jsonThenPatchRebuildsTheNewText() throws {
        let diff = try StemmaProcess.run(["diff", v1, v2, "--format", "json"])
        #expect(diff.status == 1)
        let report = try temporaryFile(Array(diff.stdout))
        let patch = try StemmaProcess.run(["patch", v1, report])
        #expect(patch.status == 0)
        #expect(patch.stdout == (try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(v2))))
        let wrongBase = try StemmaProcess.run(["patch", v2, report])
        #expect(wrongBase.status == 2)
        #expect(wrongBase.stderr.contains("the report was made from a text of"))
    }

    @Test func diffReadsNewFromStandardInputAndWritesHTML() throws {
        let input = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(v2))
        let result = try StemmaProcess.run(["diff", v1, "-", "--format", "html"], input: input)
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("<!doctype html>"))
        #expect(result.output.contains("<ins>and Devon Pike</ins>"))
    }

    @Test func emptyFileIsEverythingAdded() throws {
        let empty = try temporaryFile([])
        let result = try StemmaProcess.run(["diff", empty, v1, "--format", "json", "--compact"])
        #expect(result.status == 1)
        #expect(result.output.contains("\"deleted\":0"))
        #expect(result.output.contains("\"added\":25"))
    }

    @Test(arguments: [
        ("missing", "no such file"),
        ("directory", "is a directory, not a text file"),
        ("binary", "byte 3: binary file (NUL byte), not text"),
        ("invalid", "byte 5: invalid UTF-8 (use --lossy to replace bad bytes)"),
    ])
    func badInputIsOneLineAndExitTwo(kind: String, message: String) throws {
        let path: String
        switch kind {
        case "missing": path = "/nonexistent/stemma.txt"
        case "directory": path = ScratchDirectory.root.path
        case "binary": path = try temporaryFile([0x61, 0x62, 0x63, 0x00, 0x64])
        default: path = try temporaryFile(Array("Hello".utf8) + [0xFF] + Array(" world.".utf8))
        }
        let result = try StemmaProcess.run(["diff", path, v1])
        #expect(result.status == 2)
        #expect(result.stderr == "stemma: \(path): \(message)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func lossyReplacesAndWarns() throws {
        let path = try temporaryFile(Array("Hello".utf8) + [0xFF] + Array(" world.".utf8))
        let result = try StemmaProcess.run(["diff", path, v1, "--lossy", "--only-changes"])
        #expect(result.status == 1)
        #expect(result.stderr == "stemma: warning: \(path): replaced 1 invalid UTF-8 sequence(s) with U+FFFD\n")
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try StemmaProcess.run(["diff", v1])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("stemma: "))
    }
}
