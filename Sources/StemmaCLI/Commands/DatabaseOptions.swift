import ArgumentParser

/// `--db`, the index every index command works on.
struct DatabaseOptions: ParsableArguments {
    @Option(name: [.customShort("d"), .long], help: ArgumentHelp("The index database (SQLite).", valueName: "path"),
            completion: .file())
    var db = "stemma.db"
}
