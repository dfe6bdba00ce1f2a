// Runs every example in README.md and Docs/*.md with the built `stemma` and compares what it prints
// with what the page shows, so the documentation cannot drift from the program.
//
// The convention, for whoever writes a page:
//
// - An example is a fenced block marked ```console. Each line starting with `$ ` is a command; the
//   lines after it, up to the next `$ ` line or the end of the block, are what it prints: its
//   standard output, then its standard error (as a terminal shows them when they do not interleave).
// - A command is `$ stemma ARGUMENTS`, or `$ swift run stemma ARGUMENTS`, which runs the same (the
//   build's own progress lines are no part of what a page shows). Words are split as a shell splits
//   them ('single' and "double" quotes; an unquoted `#` starts a comment). At most one `< FILE`
//   gives standard input, and one `> FILE` takes standard output (relative to the scratch directory
//   unless absolute, like /dev/full); only standard error is shown then. `$ echo $?` prints the exit
//   status of the command before it. Any other command, a pipe or `&&` is an error of the page, so
//   no example is skipped by accident. Blocks marked otherwise (```sh, ```json) are not run: keep
//   them for commands that do not end (`stemma serve`), need the network, or run scripts.
// - A line holding only `…` stands for any number of lines (none included), and a `…` inside a line
//   for any characters of that line (a timing, say). Nothing else is elided. Colour is off
//   (`NO_COLOR=1`), and standard output is a pipe, so commands whose format depends on the terminal
//   write their piped format: give `--format text` where a page shows what a terminal shows.
// - The examples of one page run in order, in a scratch directory of their own holding a copy of the
//   package's `Examples/` and `WebExamples/` and, when the page mentions `../shared/seeds`, a copy of the seed texts at
//   `../shared/seeds` beside it (taken from `Fixtures.shared("seeds")`, so `STEMMA_SHARED` relocates
//   them, and missing seeds fail the page with one line saying so). Files an example writes
//   (`./stemma.db`, `> v1-v2.json`) stay there for the examples after it on the same page, and
//   nowhere else.

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import StemmaTestSupport
import Testing

/// Runs the examples of README.md and Docs/*.md; the convention is at the top of this file.
@Suite struct DocExamplesTests {
    /// README.md and every page in Docs/, relative to the package root.
    static let pages: [String] = {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.packageRoot.appendingPathComponent("Docs").path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "Docs/" + $0 }
    }()

    @Test(arguments: pages) func examplesPrintWhatThePageShows(page: String) throws {
        let url = Fixtures.packageRoot.appendingPathComponent(page)
        let markdown = try String(contentsOf: url, encoding: .utf8)
        let examples = try DocExample.parse(markdown, page: page)
        guard !examples.isEmpty else { return }

        let scratch = try ScratchDirectory(prefix: "stemma-doc-examples")
        defer { try? FileManager.default.removeItem(at: scratch.url) }
        let root = scratch.url.appendingPathComponent("stemma")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for examples in ["Examples", "WebExamples"] {
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent(examples),
                                             to: root.appendingPathComponent(examples))
        }
        if markdown.contains("../shared/seeds") {
            let seeds: URL
            do {
                seeds = try Fixtures.shared("seeds")
            } catch let missing as Fixtures.Missing {
                Issue.record("\(page): \(missing)")
                return
            }
            let shared = scratch.url.appendingPathComponent("shared")
            try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: seeds, to: shared.appendingPathComponent("seeds"))
        }

        var lastStatus: Int32 = 0
        for example in examples {
            let shown: String
            switch example.command {
            case .exitStatus:
                shown = "\(lastStatus)\n"
            case let .stemma(arguments, input, output):
                let result = try DocExample.run(arguments, in: root, input: input, output: output)
                lastStatus = result.status
                shown = result.shown
            }
            let actual = DocExample.lines(of: shown)
            if !DocExample.matches(actual[...], example.expected[...]) {
                Issue.record("""
                    \(page):\(example.line): \(example.source)
                    expected:
                    \(example.expected.joined(separator: "\n"))
                    actual:
                    \(actual.joined(separator: "\n"))
                    """,
                    sourceLocation: SourceLocation(fileID: "StemmaCLITests/\(page)", filePath: url.path, line: example.line, column: 1))
            }
        }
    }

    @Test func theConventionHoldsOnASmallPage() throws {
        let page = """
            Text.

            ```console
            $ stemma diff 'a b.txt' "c.txt" --only-changes # a comment
            one
            …
            $ echo $?
            1
            $ swift run stemma patch x.txt r.json > out.txt
            ```

            ```sh
            stemma serve
            ```
            """
        let examples = try DocExample.parse(page, page: "page.md")
        #expect(examples.map(\.line) == [4, 7, 9])
        #expect(examples[0].command == .stemma(["diff", "a b.txt", "c.txt", "--only-changes"], input: nil, output: nil))
        #expect(examples[0].expected == ["one", "…"])
        #expect(examples[1].command == .exitStatus && examples[1].expected == ["1"])
        #expect(examples[2].command == .stemma(["patch", "x.txt", "r.json"], input: nil, output: "out.txt"))
        #expect(examples[2].expected.isEmpty)

        #expect(DocExample.matches(["a", "b", "c"], ["a", "…"]))
        #expect(DocExample.matches(["a", "c"], ["a", "…", "c"]))
        #expect(DocExample.matches(["a", "b", "x", "c"], ["a", "…", "c"]))
        #expect(!DocExample.matches(["a", "b"], ["a"]))
        #expect(!DocExample.matches(["a", "b"], ["a", "…", "c"]))
        #expect(DocExample.lineMatches("8 documents in 0.15 s", "8 documents in … s"))
        #expect(DocExample.lineMatches("ab", "a…b") && DocExample.lineMatches("a…b", "a…b"))
        #expect(!DocExample.lineMatches("9 documents in 0.15 s", "8 documents in … s"))
        #expect(!DocExample.lineMatches("ab", "ab…b"))
        #expect(throws: DocExample.PageError.self) { try DocExample.parse("```console\n$ ls\n```\n", page: "bad.md") }
        #expect(throws: DocExample.PageError.self) { try DocExample.parse("```console\noutput without a command\n```\n", page: "bad.md") }
    }
}

/// One command of a ```console block and the output the page shows for it.
struct DocExample {
    enum Command: Equatable {
        case stemma([String], input: String?, output: String?)
        case exitStatus
    }

    struct PageError: Error, CustomStringConvertible {
        var page: String
        var line: Int
        var reason: String
        var description: String { "\(page):\(line): \(reason)" }
    }

    var line: Int
    var source: String
    var command: Command
    var expected: [String]

    /// The examples of a page, in order.
    static func parse(_ markdown: String, page: String) throws -> [DocExample] {
        var examples: [DocExample] = []
        var inConsole = false, inOtherBlock = false, blockHasCommand = false
        for (index, rawLine) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine), number = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if inConsole || inOtherBlock {
                    inConsole = false; inOtherBlock = false
                } else if trimmed == "```console" {
                    inConsole = true; blockHasCommand = false
                } else {
                    inOtherBlock = true
                }
                continue
            }
            guard inConsole else { continue }
            if line.hasPrefix("$ ") {
                let command = try parseCommand(String(line.dropFirst(2)), page: page, line: number)
                examples.append(DocExample(line: number, source: line, command: command, expected: []))
                blockHasCommand = true
            } else if !blockHasCommand {
                throw PageError(page: page, line: number, reason: "output in a console block before any `$ ` command")
            } else {
                examples[examples.count - 1].expected.append(line)
            }
        }
        return examples
    }

    private static func parseCommand(_ text: String, page: String, line: Int) throws -> Command {
        if text.trimmingCharacters(in: .whitespaces) == "echo $?" { return .exitStatus }
        var words: [String] = [], current = "", inWord = false
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character; inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else if character == "#" && !inWord {
                break
            } else {
                current.append(character); inWord = true
            }
        }
        if quote != nil { throw PageError(page: page, line: line, reason: "unclosed quote") }
        if inWord { words.append(current) }
        if words.starts(with: ["swift", "run", "stemma"]) { words.removeFirst(2) }

        guard words.first == "stemma" else {
            throw PageError(page: page, line: line, reason: "only `$ stemma …` and `$ echo $?` are run; use a ```sh block for other commands")
        }
        var arguments: [String] = [], input: String?, output: String?
        var iterator = words.dropFirst().makeIterator()
        while let word = iterator.next() {
            switch word {
            case "<", ">":
                guard let file = iterator.next() else { throw PageError(page: page, line: line, reason: "`\(word)` without a file") }
                if word == "<" { input = file } else { output = file }
            case "|", "&&", ";", "2>", "2>&1":
                throw PageError(page: page, line: line, reason: "`\(word)` is not supported in examples")
            default:
                arguments.append(word)
            }
        }
        return .stemma(arguments, input: input, output: output)
    }

    /// Runs `stemma` in `directory`, and returns its exit status and what a terminal would show.
    static func run(_ arguments: [String], in directory: URL, input: String?, output: String?) throws -> (status: Int32, shown: String) {
        let process = Process()
        process.executableURL = StemmaProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["STEMMA_TOKEN"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        if let output {
            // As the shell's `>`: created or truncated; an absolute path such as /dev/full is taken as is.
            let path = output.hasPrefix("/") ? output : directory.appendingPathComponent(output).path
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            process.standardOutput = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        if let input {
            process.standardInput = try FileHandle(forReadingFrom: directory.appendingPathComponent(input))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        // An example that never ends (`stemma serve` in a console block) is stopped rather than left
        // to hang the suite; its output then shows what it printed before.
        let running = process
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if running.isRunning { running.terminate() } }
        // Standard error is read on another thread so that neither pipe can fill up and block the run.
        let errors = ErrorCollector(handle: err.fileHandleForReading)
        let stdout = output == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let stderr = errors.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self) + String(decoding: stderr, as: UTF8.self))
    }

    /// The lines of `text`, without the empty one after a final newline.
    static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Whether `actual` reads as `expected`, where an expected line `…` stands for any number of lines.
    static func matches(_ actual: ArraySlice<String>, _ expected: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "…" {
            let rest = expected.dropFirst()
            return (actual.startIndex...actual.endIndex).contains { matches(actual[$0...], rest) }
        }
        guard let line = actual.first, lineMatches(line, first) else { return false }
        return matches(actual.dropFirst(), expected.dropFirst())
    }

    /// Whether `line` reads as `pattern`, where each `…` in the pattern stands for any characters.
    static func lineMatches(_ line: String, _ pattern: String) -> Bool {
        let pieces = pattern.components(separatedBy: "…")
        guard pieces.count > 1 else { return line == pattern }
        guard line.hasPrefix(pieces[0]) else { return false }
        var rest = line.dropFirst(pieces[0].count)
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = rest.range(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        let last = pieces[pieces.count - 1]
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
