import ArgumentParser
import Foundation
import StemmaIO
import StemmaStore
import StemmaWeb

/// `stemma export --warc FILE`: the responses `stemma watch` fetched, as a web archive.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the pages the index fetched (the captures of watched versions) as a WARC 1.1 file.",
        discussion: """
        The file opens with a warcinfo record, then holds one response record per capture, oldest \
        first. A FILE ending in .gz gets one gzip member per record. Bodies are written as stored, \
        decoded, so Content-Encoding and Transfer-Encoding are left out and Content-Length is the \
        body's. Record ids derive from each document id and version: exporting again gives the same \
        records. The file appears whole or not at all. Exit status: 0, or 2 on error.
        """
    )

    @Option(help: ArgumentHelp("The WARC file to write; gzip-compressed when it ends in .gz.", valueName: "file"),
            completion: .file(extensions: ["warc", "gz"]))
    var warc: String

    @OptionGroup var database: DatabaseOptions

    /// Captures read per query: a few MB of bodies at a time, whatever the index holds.
    static let pageSize = 64

    func run() throws {
        let store = try Store.open(path: database.db, requesting: StoreParameters.Request(), readOnly: true)
        let file = try AtomicFile(path: warc)
        let writer = WARCWriter(filename: URL(fileURLWithPath: warc).lastPathComponent, date: Date().timeIntervalSince1970,
                                software: "Stemma \(Stemma.configuration.version)", gzip: warc.hasSuffix(".gz"))
        try file.write(writer.warcinfo())
        var after: Int64 = 0, count = 0
        while case let page = try store.captures(afterRow: after, limit: Self.pageSize), let last = page.last {
            for stored in page {
                try file.write(writer.response(Self.response(stored)))
            }
            count += page.count
            after = last.row
        }
        try file.commit()
        try Console.write("\(count) \(count == 1 ? "capture" : "captures") written to \(warc)\n")
    }

    /// A stored capture as a WARC response, named by what stays true of it: its URL, its time and
    /// its row (a version can hold several captures, and reextract renumbers versions).
    static func response(_ stored: StoredCapture) -> WARCWriter.Response {
        let capture = stored.capture
        return WARCWriter.Response(name: "stemma capture \(capture.url) \(capture.fetched) \(stored.row)", targetURI: capture.url,
                                   date: capture.fetched, status: capture.status,
                                   headers: capture.headers.map { WARCWriter.Header(name: $0.name, value: $0.value) }, body: capture.body)
    }
}
