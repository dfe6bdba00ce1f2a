import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO
import StemmaStore

/// The `stemma` command: finds versions and copies of a text and shows exactly what changed.
@main
struct Stemma: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stemma",
        abstract: "Find every version and copy of a text, and show exactly what changed.",
        version: stemmaVersion,
        subcommands: [Diff.self, Dedup.self, Reuse.self, Extract.self, Index.self, Match.self, Families.self, History.self, Patch.self, Serve.self,
                      Watch.self, Export.self, Sketch.self, Verify.self, Ngrams.self, Align.self, Cluster.self]
    )

    /// Runs the command with diff(1)'s exit statuses: 0 for no differences, 1 for differences,
    /// 2 for any error. Errors are one line on standard error.
    static func main() async {
        // A closed pipe then fails the write with EPIPE, which ends the run quietly, instead of
        // killing the process with a signal in the middle of a line.
        signal(SIGPIPE, SIG_IGN)
        // Past a file size limit (`ulimit -f`), a write fails with EFBIG and is reported like a
        // full disk, instead of the process being killed with a half-written file.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let error as WriteError where error.isBrokenPipe {
            Foundation.exit(0)  // `stemma … | head`: the reader has what it wanted (ripgrep does the same)
        } catch {
            if exitCode(for: error).isSuccess {
                Self.exit(withError: error)  // --help, --version
            }
            Console.warnPlain("stemma: \(oneLineMessage(for: error))")
            Foundation.exit(2)
        }
    }
}

/// Writing to standard output and standard error.
enum Console {
    /// - Throws: ``WriteError``, which `main` reports (or, for a closed pipe, ends on quietly).
    static func write(_ text: String) throws {
        try StandardOutput.write(text)
    }

    static func write(bytes: [UInt8]) throws {
        try StandardOutput.write(bytes)
    }

    /// A message on standard error. A failure to write it is ignored: there is nowhere left to say so.
    static func warnPlain(_ text: String) {
        StandardError.write(text + "\n")
    }

    static func warn(_ text: String) {
        warnPlain("stemma: warning: \(text)")
    }

    /// Whether standard output is a terminal and colour is not disabled by `NO_COLOR`.
    static var wantsColor: Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return isatty(STDOUT_FILENO) == 1 && !noColor
    }
}
