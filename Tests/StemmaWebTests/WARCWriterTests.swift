import Foundation
@testable import StemmaWeb
import StemmaTestSupport
import Testing

@Suite struct WARCWriterTests {
    static let responses = [
        WARCWriter.Response(name: "a 1", targetURI: "https://example.com/a", date: 1_780_000_000.75, status: 200,
                            headers: [.init(name: "Content-Type", value: "text/html; charset=utf-8"), .init(name: "Content-Encoding", value: "gzip"),
                                      .init(name: "Transfer-Encoding", value: "chunked"), .init(name: "Content-Length", value: "3")],
                            body: Array("<html><body><p>The first version.</p></body></html>".utf8)),
        WARCWriter.Response(name: "a 2", targetURI: "https://example.com/a b", date: 1_780_003_600, status: 200,
                            headers: [.init(name: "Content-Type", value: "text/html"), .init(name: "X-Evil", value: "a\r\nWARC-Type: resource")],
                            body: Array(String(repeating: "<p>The second version, longer.</p>", count: 100).utf8)),
    ]

    func archive(gzip: Bool, _ responses: [WARCWriter.Response] = responses) -> [UInt8] {
        let writer = WARCWriter(filename: gzip ? "out.warc.gz" : "out.warc", date: 1_790_000_000, software: "Stemma test", gzip: gzip)
        return responses.reduce(writer.warcinfo()) { $0 + writer.response($1) }
    }

    @Test(arguments: [false, true]) func archiveReaderReadsBackURLsDatesAndBodies(gzip: Bool) throws {
        let bytes = archive(gzip: gzip)
        #expect((bytes.prefix(2) == [0x1F, 0x8B]) == gzip)
        let reading = try ArchiveReading.bytes(bytes)
        #expect(reading.problems.isEmpty)
        #expect(reading.records.map(\.targetURI) == ["https://example.com/a", "https://example.com/a%20b"])
        #expect(reading.records.map(\.date) == ["2026-05-28T20:26:40Z", "2026-05-28T21:26:40Z"])
        #expect(reading.records.map(\.payload) == Self.responses.map(\.body))
        #expect(reading.records.map(\.httpStatus) == [200, 200])
        #expect(reading.records.first?.contentType == "text/html; charset=utf-8")
        #expect(reading.skipped["warcinfo records"] == 1 || reading.skipped.values.reduce(0, +) == 1)
    }

    @Test func recordsAreWrittenAsTheSpecificationSays() throws {
        let writer = WARCWriter(filename: "out.warc", date: 0, software: "Stemma test", gzip: false)
        let record = String(decoding: writer.response(Self.responses[0]), as: UTF8.self)
        let body = "<html><body><p>The first version.</p></body></html>"
        let block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
        #expect(record == """
            WARC/1.1\r
            WARC-Type: response\r
            WARC-Record-ID: \(WARCWriter.recordID(name: "a 1"))\r
            WARC-Warcinfo-ID: \(writer.warcinfoID)\r
            WARC-Date: 2026-05-28T20:26:40Z\r
            WARC-Target-URI: https://example.com/a\r
            Content-Type: application/http;msgtype=response\r
            WARC-Payload-Digest: \(WARCWriter.sha1Digest(Array(body.utf8)))\r
            WARC-Block-Digest: \(WARCWriter.sha1Digest(Array(block.utf8)))\r
            Content-Length: \(block.utf8.count)\r
            \r
            \(block)\r
            \r

            """)
        let info = String(decoding: writer.warcinfo(), as: UTF8.self)
        #expect(info.hasPrefix("WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:"))
        #expect(info.contains("WARC-Date: 1970-01-01T00:00:00Z\r\n") && info.contains("software: Stemma test\r\nformat: WARC File Format 1.1\r\n"))
    }

    @Test func aHeaderValueCannotStartAFieldOfItsOwn() {
        let writer = WARCWriter(filename: "out.warc", date: 0, software: "Stemma test", gzip: false)
        let record = String(decoding: writer.response(Self.responses[1]), as: UTF8.self)
        #expect(record.contains("X-Evil: aWARC-Type: resource\r\n") && !record.contains("\r\nWARC-Type: resource"))
    }

    /// Known digests: the SHA-1 of "" and of "abc" (FIPS 180), in base32 as `warcio` prints them.
    @Test func digestsAreBase32SHA1() {
        #expect(WARCWriter.sha1Digest([]) == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")
        #expect(WARCWriter.sha1Digest(Array("abc".utf8)) == "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5")
    }

    @Test func recordIDsAreVersion5UUIDsOfTheirName() {
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/")
        #expect(WARCWriter.recordID(name: "https://example.com/") == "<urn:uuid:\(Self.uuid5)>")
        #expect(WARCWriter.recordID(name: "a 1") == WARCWriter.recordID(name: "a 1"))
        #expect(WARCWriter.recordID(name: "a 1") != WARCWriter.recordID(name: "a 2"))
    }

    static let uuid5 = "dd2c1780-811a-5296-81c5-178a0ef488bc"

    @Test func datesOutOfRangeAreClampedNotTrapped() {
        #expect(WARCWriter.timestamp(.nan) == "1970-01-01T00:00:00Z")
        #expect(WARCWriter.timestamp(.infinity) == "1970-01-01T00:00:00Z")
        #expect(WARCWriter.timestamp(1e300) == "9999-12-31T23:59:59Z")
        #expect(WARCWriter.timestamp(-1e300) == "0001-01-01T00:00:00Z")
    }

    /// The fallback for a zlib that cannot start: stored blocks, which any reader inflates.
    @Test func storedMembersAreReadToo() throws {
        let plain = WARCWriter(filename: "out.warc", date: 0, software: "Stemma test", gzip: false)
        let records = [plain.warcinfo()] + Self.responses.map(plain.response)
        let stored = try ArchiveReading.bytes(records.flatMap(GzipMember.stored))
        #expect(stored.problems.isEmpty && stored.records.map(\.payload) == Self.responses.map(\.body))
        let compressed = GzipMember.compressed(records[2])
        #expect(compressed.count < records[2].count / 4 && compressed.prefix(3) == [0x1F, 0x8B, 0x08])
    }
}
