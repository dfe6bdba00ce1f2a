import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO
import StemmaStore
import StemmaWatch

/// `stemma watch`: follows feeds and pages, stores every changed article as a new version, and
/// prints one JSON line per change.
struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Follow feeds and pages: keep every version of each article and report what changed.",
        discussion: """
        Each URL is a feed (RSS, Atom, a news sitemap), whose entries are watched, or a page, \
        watched as itself. Pages are checked again on a decaying schedule (default every 15 \
        minutes while a story is under 3 hours from its last change, then hourly, every 6 hours \
        and daily) and no longer after --watch-for without a change; the schedule lives in the \
        database, so a restart resumes it. Each new version is a line of JSON on standard \
        output; a summary of each pass goes to standard error. Runs until SIGINT or SIGTERM \
        (fetches in flight finish), or one pass with --once.
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("Feeds or pages to watch (added to those the database watches already).", valueName: "url"))
    var urls: [String] = []

    @Option(help: ArgumentHelp("A file of URLs to watch, one a line; # starts a comment.", valueName: "file"), completion: .file())
    var feeds: String?

    @Flag(help: "One pass, then exit (for cron).")
    var once = false

    @Option(help: ArgumentHelp("Stop after this many passes (default: run until stopped).", valueName: "n"))
    var passes: Int?

    @Flag(help: "Check every watched page now, whatever its schedule (in every pass with --passes).")
    var checkAll = false

    @Option(help: ArgumentHelp("Re-check intervals by age since the last change: INTERVAL<AGE,…,INTERVAL.", valueName: "steps"))
    var schedule = "15m<3h,1h<1d,6h<7d,1d"

    @Option(help: ArgumentHelp("Stop checking a page after this long without a change.", valueName: "duration"))
    var watchFor = "30d"

    @Option(help: ArgumentHelp("How often feeds are read.", valueName: "duration"))
    var feedInterval = "15m"

    @Option(help: "Requests in flight to one host at once.")
    var perHost = 1

    @Option(help: ArgumentHelp("Time between two requests to one host (robots.txt's Crawl-delay wins when larger).", valueName: "duration"))
    var delay = "2s"

    @Option(help: "Fetches in flight in all.")
    var concurrency = 16

    @Option(help: "The User-Agent sent, and matched against robots.txt.")
    var userAgent = "Stemma/\(stemmaVersion)"

    @Option(help: ArgumentHelp("Time a fetch may take.", valueName: "duration"))
    var timeout = "30s"

    @Option(help: ArgumentHelp("The largest page accepted, e.g. 10MB.", valueName: "size"))
    var maxPageSize = "10MB"

    @Option(help: ArgumentHelp("POST each event to this URL as JSON (retried with backoff).", valueName: "url"))
    var webhook: String?

    @Flag(help: "Report minor changes (whitespace, the page's own timestamp line) too.")
    var announceMinor = false

    @Flag(name: .shortAndLong, help: "Report failed fetches as events too.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "No pass summaries on standard error.")
    var quiet = false

    func validate() throws {
        _ = try parsedOptions()
        if let passes, passes < 1 { throw ValidationError("--passes must be at least 1") }
        guard perHost > 0, concurrency > 0 else { throw ValidationError("--per-host and --concurrency must be positive") }
        guard ByteCount.parse(maxPageSize) != nil else { throw ValidationError("--max-page-size must be a size such as 10MB, not \(maxPageSize)") }
    }

    func parsedOptions() throws -> (WatchOptions, FetchPolicy) {
        do {
            let watchFor = try WatchDuration.seconds(self.watchFor)
            let options = WatchOptions(schedule: try WatchSchedule(parsing: schedule, watchFor: watchFor),
                                       feedInterval: try WatchDuration.seconds(feedInterval), concurrency: concurrency,
                                       announcesMinor: announceMinor)
            let policy = FetchPolicy(userAgent: userAgent, perHost: perHost, delay: try WatchDuration.seconds(delay),
                                     timeout: try WatchDuration.seconds(timeout), maximumBytes: ByteCount.parse(maxPageSize) ?? 10 << 20)
            return (options, policy)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() async throws {
        let (options, policy) = try parsedOptions()
        let store = try Store.open(path: database.db)
        var given = urls
        if let feeds { given += try URLList.read(feeds) }
        let fetcher = Fetcher(policy: policy)
        let publisher = EventPublisher(fetcher: fetcher, webhook: webhook, verbose: verbose)
        let watcher = Watcher(store: store, fetcher: fetcher, options: options) { event in await publisher.publish(event) }
        let signals = StopSignals(stopping: watcher)
        defer { signals.cancel() }
        do {
            if !given.isEmpty {
                let added = try await watcher.add(given)
                if !quiet { StandardError.write("stemma watch: watching \(added.feeds) new feed(s) and \(added.pages) new page(s)\n") }
            }
            let limit = once ? 1 : passes ?? Int.max
            var done = 0
            repeat {
                // In a run without --passes, --check-all is for the first pass; then the schedule rules.
                let everything = checkAll && (done == 0 || passes != nil)
                let tally = try await watcher.pass(checkAll: everything)
                done += 1
                if !quiet { StandardError.write("stemma watch: \(tally)\n") }
                if done >= limit || watcher.isStopping { break }
                if !(checkAll && passes != nil) { try await watcher.waitForNextDue() }
            } while !watcher.isStopping
        } catch {
            await publisher.finish()
            try? await fetcher.shutdown()
            throw error
        }
        await publisher.finish()
        try await fetcher.shutdown()
        if let failure = await publisher.writeFailure { throw failure }
    }
}
