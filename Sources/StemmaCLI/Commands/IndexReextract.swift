import ArgumentParser
import Foundation
import StemmaCore
import StemmaStore
import StemmaWatch

extension Index {
    /// `stemma index reextract [ID…]`: reads watched versions again from their captures.
    struct Reextract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read every watched version again from the page it was fetched as, with this version's extractor.",
            discussion: """
            `stemma watch` keeps the response each version was read from. After an upgrade whose \
            extractor reads pages better, this rebuilds each watched document's history from them: \
            versions that now read alike become one (keeping all their captures), texts, pairs and \
            families are found again, and the watch schedule is kept. Up to 256 changed documents \
            are written in one transaction. A version whose capture now reads as junk (an empty article, an error \
            page, or far shorter than its stored text) keeps its stored text, with a warning. \
            Exit status: 0, 1 when an id was not there or a document could not be read again, 2 on error.
            """
        )

        @Argument(help: "The documents to read again (default: every document that holds captures).")
        var ids: [String] = []

        @Flag(help: "Show what would change, and change nothing.")
        var dryRun = false

        @OptionGroup var store: StoreOptions

        /// Documents whose captures are read at once, on all cores.
        static let pageSize = 32
        /// Changed documents written in one transaction. Each transaction pays a scan of the
        /// version table and the bucket runs' upkeep: with one document in ten changed, pages of
        /// 32 wrote 24 documents a second on a 55,000-version index.
        static let documentsPerTransaction = 256

        func run() throws {
            // Opening would create an empty index; reading again from one that is not there is a mistake.
            guard FileManager.default.fileExists(atPath: store.db) else {
                throw ValidationError("\(store.db) does not exist: no index to read again")
            }
            let index = try Store.open(path: store.db, requesting: store.requested, readOnly: dryRun)
            let reextractor = Reextractor(store: index)
            var tally = Tally()
            var pending: [Reextraction] = []
            if ids.isEmpty {
                var after: String?
                while case let page = try index.capturedDocuments(after: after, limit: Self.pageSize), let last = page.last {
                    try process(page, with: reextractor, tally: &tally, pending: &pending)
                    after = last
                }
            } else {
                var seen = Set<String>()
                let asked = ids.filter { seen.insert($0).inserted }
                for start in stride(from: 0, to: asked.count, by: Self.pageSize) {
                    try process(Array(asked[start..<min(start + Self.pageSize, asked.count)]), with: reextractor, tally: &tally,
                                pending: &pending)
                }
            }
            try write(&pending, with: reextractor)
            try Console.write(tally.summary(dryRun: dryRun) + "\n")
            if tally.failed > 0 { throw ExitCode(1) }
        }

        /// Plans a page of documents in parallel (reading pages is the cost), and adds the ones
        /// that change to `pending`, written once enough are waiting.
        func process(_ page: [String], with reextractor: Reextractor, tally: inout Tally, pending: inout [Reextraction]) throws {
            let plans = ParallelMap.map(page, minimumCount: 2) { id in Result { try reextractor.plan(id) } }
            var changing: [Reextraction] = []
            for (id, planned) in zip(page, plans) {
                let plan: Reextraction
                switch planned {
                case .failure(let error as ReextractionError):
                    Console.warnPlain("stemma: \(error)")
                    tally.failed += 1
                    continue
                case .failure(let error):
                    throw error
                case .success(nil):
                    Console.warnPlain("stemma: \(id): not in \(store.db)")
                    tally.failed += 1
                    continue
                case .success(let found?):
                    plan = found
                }
                for kept in plan.kept {
                    Console.warn("\(id): version \(kept.version) keeps its stored text: its capture now reads as \(kept.reason)")
                }
                tally.read += 1
                guard plan.changesHistory else { continue }
                tally.rewritten += 1
                tally.texts += plan.changed.count
                changing.append(plan)
            }
            pending += changing
            if pending.count >= Self.documentsPerTransaction { try write(&pending, with: reextractor) }
        }

        /// Writes the pending changes in one transaction (with `--dry-run`, only reports them).
        func write(_ pending: inout [Reextraction], with reextractor: Reextractor) throws {
            guard !pending.isEmpty else { return }
            let after = dryRun ? pending.map(\.versionsAfter) : try reextractor.apply(pending)
            for (plan, versions) in zip(pending, after) {
                try Console.write(Self.line(plan, versionsAfter: versions, dryRun: dryRun) + "\n")
            }
            pending.removeAll()
        }

        static func line(_ plan: Reextraction, versionsAfter: Int, dryRun: Bool) -> String {
            let texts = plan.changed.count == 1 ? "1 text" : "\(plan.changed.count) texts"
            let numbers = plan.changed.map(String.init).joined(separator: ", ")
            let versions = plan.versionsBefore == versionsAfter ? "\(versionsAfter) versions"
                : "\(plan.versionsBefore) versions → \(versionsAfter)"
            return "\(plan.documentID): \(texts) \(dryRun ? "would change" : "changed") (version \(numbers)); \(versions)"
        }

        struct Tally {
            var read = 0, rewritten = 0, texts = 0, failed = 0

            func summary(dryRun: Bool) -> String {
                let documents = read == 1 ? "1 document" : "\(read) documents"
                let verb = dryRun ? "would be rewritten" : "rewritten"
                var text = "\(documents) read again: \(rewritten) \(verb) (\(texts) \(texts == 1 ? "text" : "texts") changed), \(read - rewritten) unchanged"
                if failed > 0 { text += "; \(failed) could not be read" }
                return text
            }
        }
    }
}
