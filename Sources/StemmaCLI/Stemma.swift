import ArgumentParser
import Foundation
import StemmaIO
import StemmaStore

/// The `stemma` command: finds versions and copies of a text and shows exactly what changed.
@main
struct Stemma: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stemma",
        abstract: "Find every version and copy of a text, and show exactly what changed.",
        version: "0.1.0",
        subcommands: [Diff.self, Dedup.self, Reuse.self, Index.self, Match.self, Families.self, History.self, Patch.self, Serve.self]
    )

    /// Runs the command with diff(1)'s exit statuses: 0 for no differences, 1 for differences,
    /// 2 for any error. Errors are one line on standard error.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            if exitCode(for: error).isSuccess {
                Self.exit(withError: error)  // --help, --version
            }
            // Our own errors describe themselves in one line; parsing errors get argument-parser's.
            let message = (error as? ReadError)?.description ?? (error as? StoreError)?.description ?? message(for: error)
            FileHandle.standardError.write(Data("stemma: \(message)\n".utf8))
            Foundation.exit(2)
        }
    }
}

/// Writing to standard output and standard error.
enum Console {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func write(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func warnPlain(_ text: String) {
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data("stemma: warning: \(text)\n".utf8))
    }

    /// Whether standard output is a terminal and colour is not disabled by `NO_COLOR`.
    static var wantsColor: Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return isatty(STDOUT_FILENO) == 1 && !noColor
    }
}
