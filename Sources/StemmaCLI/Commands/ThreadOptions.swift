import ArgumentParser
import StemmaCore

/// `--threads`, with one meaning in every command that takes it (`dedup`, `reuse`): 0, the
/// default, is all cores; a negative count is refused instead of being quietly read as 1.
struct ThreadOptions: ParsableArguments {
    @Option(name: [.customShort("j"), .long], help: ArgumentHelp("Threads to use; 0 uses all cores.", valueName: "N"))
    var threads = 0

    func validate() throws {
        if threads < 0 { throw ValidationError("--threads must be 0 (all cores) or a positive count, not \(threads).") }
    }

    /// The threads to run: at least 1.
    var count: Int { threads == 0 ? ProcessInfoCores.count : threads }
}
