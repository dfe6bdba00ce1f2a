import ArgumentParser
import StemmaStore

/// Options naming a store and, optionally, the sketch parameters it is made with.
struct StoreOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    var db: String { database.db }

    @Option(help: "Jaccard threshold of the index: set when it is created (0.5 when not given), checked against it afterwards.")
    var threshold: Double?

    @Option(help: "Words per shingle: set when the index is created (5 when not given), checked afterwards.")
    var shingle: Int?

    @Option(help: "MinHash permutations, a multiple of 16: set when the index is created (128 when not given), checked afterwards.")
    var permutations: Int?

    @Option(help: "Seed of the MinHash permutations: set when the index is created (1 when not given), checked afterwards.")
    var seed: UInt64?

    /// Opens an index that must exist already (`index add` creates one), only to read it: a
    /// read-only file or folder is fine. The sketch flags given must agree with the store's.
    func openExisting() throws -> Store {
        try Store.open(path: db, requesting: requested, readOnly: true)
    }

    /// The parameters named on the command line; the store supplies the others.
    var requested: StoreParameters.Request {
        StoreParameters.Request(shingleSize: shingle, permutations: permutations, seed: seed, threshold: threshold)
    }
}
