import Dispatch
import Foundation
import StemmaIO
import StemmaWatch

/// The URLs of a `--feeds` file: one a line, blank lines and `#` comments skipped.
enum URLList {
    static func read(_ path: String) throws -> [String] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError(file: path, reason: .unreadable("\((error as NSError).localizedDescription)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(file: path, reason: .malformed("not UTF-8 text"))
        }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let url = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(in: .whitespaces) ?? ""
            return url.isEmpty ? nil : url
        }
    }
}

/// Writes each event to standard output and, with a webhook, POSTs it there, in order, on a
/// task of its own so that a slow webhook never holds a pass.
actor EventPublisher {
    private let fetcher: Fetcher
    private let webhook: String?
    private let verbose: Bool
    private var queue: AsyncStream<WatchEvent>.Continuation?
    private var poster: Task<Void, Never>?
    /// The first failed write to standard output (a closed pipe ends the run).
    private(set) var writeFailure: (any Error)?

    init(fetcher: Fetcher, webhook: String?, verbose: Bool) {
        self.fetcher = fetcher
        self.webhook = webhook
        self.verbose = verbose
    }

    func publish(_ event: WatchEvent) {
        guard event.kind == .version || verbose else { return }
        do {
            try StandardOutput.write(event.jsonLine + "\n")
        } catch {
            if writeFailure == nil { writeFailure = error }
        }
        guard let webhook else { return }
        if queue == nil {
            let (stream, continuation) = AsyncStream<WatchEvent>.makeStream()
            queue = continuation
            let fetcher = self.fetcher
            poster = Task {
                for await event in stream {
                    if case .failure(let failure) = await fetcher.post(json: Array(event.jsonLine.utf8), to: webhook) {
                        StandardError.write("stemma watch: webhook \(webhook): \(failure)\n")
                    }
                }
            }
        }
        queue?.yield(event)
    }

    /// Waits until every queued event is posted.
    func finish() async {
        queue?.finish()
        await poster?.value
    }
}

/// SIGINT and SIGTERM ask the watcher to stop after the fetches in flight; a second one ends the
/// process at once.
final class StopSignals: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []

    init(stopping watcher: Watcher) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if watcher.isStopping { exit(130) }
                StandardError.write("stemma watch: stopping after the fetches in flight (again to quit now)\n")
                watcher.stop()
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
