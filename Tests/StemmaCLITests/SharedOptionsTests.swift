import ArgumentParser
import Foundation
@testable import StemmaCLI
import StemmaTestSupport
import Testing

/// The flags every command shares, defined once as option groups (issue 12, section 2).
@Suite struct SharedOptionsTests {
    // MARK: --threads

    @Test(arguments: ["dedup", "reuse"])
    func issue12_threadsZeroIsAllCoresEverywhere(command: String) throws {
        let parsed = try Stemma.parseAsRoot([command, "corpus.jsonl"])
        let threading = try #require((parsed as? Dedup)?.threading ?? (parsed as? Reuse)?.threading)
        #expect(threading.threads == 0)
        #expect(threading.count == ProcessInfo.processInfo.activeProcessorCount)
        let three = try Stemma.parseAsRoot([command, "corpus.jsonl", "-j", "3"])
        #expect(((three as? Dedup)?.threading ?? (three as? Reuse)?.threading)?.count == 3)
    }

    @Test(arguments: ["dedup", "reuse"])
    func issue12_negativeThreadsAreRejectedTheSameEverywhere(command: String) throws {
        let message = Stemma.message(for: try #require(parseError([command, "corpus.jsonl", "--threads=-2"])))
        #expect(message == "--threads must be 0 (all cores) or a positive count, not -2.")
    }

    @Test func issue12_negativeThreadsEndToEnd() throws {
        let run = try StemmaProcess.run(["reuse", "Examples", "--threads=-1"])
        #expect(run.status == 2)
        #expect(run.stderr == "stemma: --threads must be 0 (all cores) or a positive count, not -1.\n")
    }

    // MARK: --quiet, --verbose

    @Test(arguments: ["dedup", "reuse", "index add"])
    func issue12_quietAndVerboseHaveShortForms(command: String) throws {
        let words = command.split(separator: " ").map(String.init)
        let quiet = try Stemma.parseAsRoot(words + ["x.jsonl", "-q"])
        let verbose = try Stemma.parseAsRoot(words + ["x.jsonl", "-v"])
        #expect(global(quiet)?.quiet == true && global(quiet)?.verbose == false)
        #expect(global(verbose)?.verbose == true && global(verbose)?.quiet == false)
        let both = try #require(parseError(words + ["x.jsonl", "-q", "-v"]))
        #expect(Stemma.message(for: both) == "--quiet and --verbose contradict each other; give one.")
    }

    func global(_ command: any ParsableCommand) -> GlobalOptions? {
        (command as? Dedup)?.global ?? (command as? Reuse)?.global ?? (command as? Index.Add)?.global
    }

    @Test func issue12_verboseIndexAddSaysItsParameters() throws {
        let scratch = try ScratchDirectory(prefix: "stemma-verbose")
        let db = scratch.url.appendingPathComponent("index.db").path
        let run = try StemmaProcess.run(["index", "add", "-v", "-d", db, "Examples/harbor-bridge/v1.txt"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("shingle") && run.stderr.hasSuffix(" s\n"), "stderr: \(run.stderr)")
        let quiet = try StemmaProcess.run(["index", "add", "-q", "-d", db, "Examples/harbor-bridge/v2.txt"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "stderr: \(quiet.stderr)")
    }

    // MARK: --db

    @Test(arguments: [["match", "a.txt"], ["families"], ["history", "id"], ["index", "add", "a.txt"], ["serve"]])
    func issue12_dbHasTheShortFormDEverywhere(arguments: [String]) throws {
        let parsed = try Stemma.parseAsRoot(arguments + ["-d", "other.db"])
        let db = (parsed as? Match)?.store.db ?? (parsed as? Families)?.store.db ?? (parsed as? History)?.store.db
            ?? (parsed as? Index.Add)?.store.db ?? (parsed as? Serve)?.db
        #expect(db == "other.db")
        let defaulted = try Stemma.parseAsRoot(arguments)
        #expect(((defaulted as? Match)?.store.db ?? (defaulted as? Serve)?.db ?? (defaulted as? Families)?.store.db
            ?? (defaulted as? History)?.store.db ?? (defaulted as? Index.Add)?.store.db) == "stemma.db")
    }

    // MARK: --color

    @Test func issue12_colorIsOneOptionGroup() throws {
        let diff = try #require(try Stemma.parseAsRoot(["diff", "a", "b", "--color", "always"]) as? Diff)
        let reuse = try #require(try Stemma.parseAsRoot(["reuse", "x.jsonl", "--color", "never"]) as? Reuse)
        let match = try #require(try Stemma.parseAsRoot(["match", "a.txt", "--color", "always"]) as? Match)
        #expect(diff.color.color == .always && reuse.color.color == .never && match.color.color == .always)
        #expect(diff.color.enabled() && diff.color.enabled(toFile: true))
        #expect(!reuse.color.enabled())
        // auto: never into a file; on standard output as Console.wantsColor says (a test runner's
        // standard output is no terminal, or NO_COLOR is set).
        let auto = try ColorOptions.parse([])
        #expect(!auto.enabled(toFile: true))
        #expect(auto.enabled() == Console.wantsColor)
        let bad = try #require(parseError(["diff", "a", "b", "--color", "sometimes"]))
        #expect(Stemma.message(for: bad).contains("sometimes"))
    }

    // MARK: short flags

    @Test func issue12_shortFlagsOfTheCommonOptions() throws {
        let diff = try #require(try Stemma.parseAsRoot(["diff", "a", "b", "-f", "json", "-o", "d.json", "-C", "2"]) as? Diff)
        #expect(diff.format == .json && diff.output.output == "d.json" && diff.context == 2)
        let dedup = try #require(try Stemma.parseAsRoot(["dedup", "c.jsonl", "-f", "csv", "-o", "pairs.csv", "-j", "2", "-q"]) as? Dedup)
        #expect(dedup.format == .csv && dedup.output.file == "pairs.csv" && dedup.threading.count == 2 && dedup.quiet)
        let reuse = try #require(try Stemma.parseAsRoot(["reuse", "c.jsonl", "-f", "html", "-o", "r.html", "-v"]) as? Reuse)
        #expect(reuse.format == .html && reuse.output.file == "r.html" && reuse.verbose)
        let match = try #require(try Stemma.parseAsRoot(["match", "a.txt", "-n", "3", "-f", "json", "-d", "x.db"]) as? Match)
        #expect(match.limit == 3 && match.format == .json && match.store.db == "x.db")
        let history = try #require(try Stemma.parseAsRoot(["history", "id", "-n", "5", "-f", "html"]) as? History)
        #expect(history.limit == 5 && history.format == .html)
        let families = try #require(try Stemma.parseAsRoot(["families", "-f", "json"]) as? Families)
        #expect(families.format == .json)
        let serve = try #require(try Stemma.parseAsRoot(["serve", "-p", "9000"]) as? Serve)
        #expect(serve.port == 9000)
        let patch = try #require(try Stemma.parseAsRoot(["patch", "old.txt", "r.json", "-o", "new.txt"]) as? Patch)
        #expect(patch.output.file == "new.txt")
    }

    @Test func issue12_matchRejectsALimitBelowOne() throws {
        for limit in ["0", "-1"] {
            let error = try #require(parseError(["match", "a.txt", "--limit=\(limit)"]))
            #expect(Stemma.message(for: error) == "--limit must be at least 1")
        }
    }

    // MARK: help and completion

    /// argument-parser prints "(default: x)" itself; a help string saying it too said it twice.
    @Test(arguments: ["diff", "dedup", "reuse", "index add", "match", "families", "history", "patch", "serve"])
    func issue12_helpSaysEachDefaultOnce(command: String) throws {
        let help = Stemma.helpMessage(for: try #require(Stemma.subcommand(command)), columns: 400)
        for line in help.split(separator: "\n") where line.contains("(default: ") {
            #expect(!line.lowercased().contains("default "), "\(command): \(line)")
            #expect(line.components(separatedBy: "default").count == 2, "\(command): \(line)")
        }
        // The default was this machine's core count, printed beside "default: all cores".
        if let threads = help.split(separator: "\n").first(where: { $0.contains("--threads") }) {
            #expect(threads.contains("0 uses all cores") && threads.hasSuffix("(default: 0)"), "\(threads)")
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func issue12_completionScriptsAreGenerated(shell: String) throws {
        let run = try StemmaProcess.run(["--generate-completion-script", shell])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // fish names flags without their dashes.
        for word in ["dedup", "index", "input-format", "threads", "db", "output", "output-dir"] {
            #expect(run.output.contains(word), "\(shell) script lacks \(word)")
        }
    }

    func parseError(_ arguments: [String]) -> (any Error)? {
        do { _ = try Stemma.parseAsRoot(arguments); return nil } catch { return error }
    }
}

extension Stemma {
    /// The subcommand a space-separated path names, such as `index add`.
    static func subcommand(_ path: String) -> (any ParsableCommand.Type)? {
        var current: any ParsableCommand.Type = Stemma.self
        for name in path.split(separator: " ") {
            guard let next = current.configuration.subcommands.first(where: { $0._commandName == name }) else { return nil }
            current = next
        }
        return current
    }
}
