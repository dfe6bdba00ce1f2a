import ArgumentParser

/// `--quiet` and `--verbose`, for the commands that talk on standard error while they work
/// (`dedup`, `reuse`, `index add`).
///
/// Warnings and errors are printed either way: `--quiet` drops only the progress bar and what is
/// said for information, as ripgrep's `--quiet` keeps its error messages.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "No progress bar and no summary chatter on standard error (warnings and errors still).")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print the parameters, counts and timings on standard error.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose contradict each other; give one.") }
    }
}
