import ArgumentParser
import Foundation
import StemmaStore

extension Index {
    /// `stemma index remove ID…`: a takedown.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove documents from the index: their versions, texts, bucket entries and pairs; the families they were in are recomputed.",
            discussion: """
            All the ids are removed in one transaction: an interrupted run removes all or none. An id \
            the index does not hold is reported on standard error and the others are removed. Exit \
            status: 0, 1 when an id was not there, 2 on error.
            """
        )

        @Argument(help: "The ids of the documents to remove.")
        var ids: [String]

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard !ids.isEmpty else { throw ValidationError("name at least one document id to remove") }
        }

        func run() throws {
            // Opening would create an empty index; removing from one that is not there is a mistake.
            guard FileManager.default.fileExists(atPath: store.db) else {
                throw ValidationError("\(store.db) does not exist: no index to remove documents from")
            }
            let removal = try Store.open(path: store.db, requesting: store.requested).remove(ids)
            for id in removal.missing { Console.warnPlain("stemma: \(id): not in \(store.db)") }
            let noun = removal.removed.count == 1 ? "document" : "documents"
            let versions = removal.versions == 1 ? "1 version" : "\(removal.versions) versions"
            try Console.write("\(removal.removed.count) \(noun) removed (\(versions))"
                + (removal.removed.isEmpty ? "" : ": " + removal.removed.joined(separator: ", ")) + "\n")
            if !removal.missing.isEmpty { throw ExitCode(1) }
        }
    }
}
