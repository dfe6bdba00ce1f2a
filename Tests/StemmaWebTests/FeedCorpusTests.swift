import Foundation
import StemmaTestSupport
import Testing
@testable import StemmaWeb

/// The reader over feedparser's test feeds (`corpora/feeds`, read in place): about 1,850
/// small documents, each testing one construct of RSS, Atom, RDF or CDF.
@Suite struct FeedCorpusTests {
    static let folders = ["wellformed", "illformed", "encoding"]

    /// Every file under `folder`, with the URL the feedparser test server served it from,
    /// against which its relative links are resolved.
    static func files(in folder: String) throws -> [(url: URL, served: String)] {
        let root = try Fixtures.shared("corpora/feeds/\(folder)")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [(URL, String)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "xml" else { continue }
            let relative = url.path.dropFirst(root.path.count + 1)
            files.append((url, "http://127.0.0.1:8097/tests/\(folder)/\(relative)"))
        }
        return files.sorted { $0.0.path < $1.0.path }
    }

    @Test(.timeLimit(.minutes(2))) func everyFileIsReadOrRejectedInOneLine() throws {
        var parsed = 0, rejected = 0
        for folder in Self.folders {
            for (url, served) in try Self.files(in: folder) {
                let bytes = try [UInt8](Data(contentsOf: url))
                do {
                    let feed = try FeedReader.read(bytes, url: served, charset: FeedExpectation.charset(bytes))
                    parsed += 1
                    for entry in feed.entries { #expect(FeedURL.isWeb(entry.url), "\(url.lastPathComponent): \(entry.url)") }
                } catch {
                    rejected += 1
                    let message = error.description
                    print("FeedCorpus rejected \(folder)/\(url.lastPathComponent): \(message)")
                    #expect(!message.isEmpty && !message.contains("\n"), "\(url.lastPathComponent): \(message)")
                }
            }
        }
        print("FeedCorpus: \(parsed) read, \(rejected) rejected, of \(parsed + rejected) files")
        #expect(parsed + rejected > 1800)
        #expect(parsed >= 1849)  // all but the empty document
    }

    @Test(.timeLimit(.minutes(2))) func wellformedExpectationsHold() throws {
        var checked = 0
        var failures: [String] = []
        for (url, served) in try Self.files(in: "wellformed") {
            let bytes = try [UInt8](Data(contentsOf: url))
            let name = String(served.dropFirst("http://127.0.0.1:8097/tests/wellformed/".count))
            let expectations = FeedExpectation.parse(bytes, file: name)
            guard !expectations.isEmpty else { continue }
            // As the watcher will: the response's Content-Location, if any, is the document's URL.
            let location = FeedExpectation.header("content-location", in: bytes).map { FeedURL.resolve($0, against: served) }
            let feed = try? FeedReader.read(bytes, url: location ?? served, charset: FeedExpectation.charset(bytes),
                keepingEntriesWithoutURL: true)
            for expectation in expectations {
                checked += 1
                let actual = feed.flatMap { expectation.actual(in: $0) }
                if actual != expectation.expected { failures.append("\(expectation) (got \(actual ?? "nil"))") }
            }
        }
        let rate = Double(checked - failures.count) / Double(max(checked, 1))
        print("FeedCorpus: \(checked - failures.count) of \(checked) expectations hold (\(String(format: "%.1f", rate * 100))%)")
        for failure in failures { print("FeedCorpus failure: \(failure)") }
        #expect(checked > 100)
        #expect(rate >= 0.95)
    }
}
