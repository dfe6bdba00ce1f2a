import ArgumentParser

/// `--limit` and `--offset` of the listings that page (`families`, `index list`): 0 lists all.
struct PageOptions: ParsableArguments {
    @Option(name: [.customShort("n"), .long], help: "At most this many; 0 for all.")
    var limit = 0

    @Option(help: "Skip this many first.")
    var offset = 0

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must not be negative (0 lists all)") }
        guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
    }

    /// The limit for the store: nil for all.
    var maximum: Int? { limit == 0 ? nil : limit }

    /// Says on standard error which part a page shows when it leaves some out, so that the records
    /// on standard output stay records (a JSON document says it in `total`).
    func notePartial(shown: Int, offset: Int, total: Int, of noun: String, command: String) {
        guard shown < total else { return }
        let range = shown == 0 ? "none" : "\(offset + 1)–\(offset + shown)"
        Console.warnPlain("stemma \(command): \(noun) \(range) of \(total)")
    }
}
