import Foundation
import Testing
@testable import StemmaWeb

/// HTTP envelopes, transfer and content codings, and media types, on records made in the test.
@Suite struct ArchivePayloadTests {
    private func payloadRecords(_ bytes: [UInt8]) throws -> ArchiveReading { try ArchiveReading.bytes(bytes) }

    @Test func chunkedBodiesAreDecodedWithExtensionsAndTrailers() throws {
        let body = Array("5;name=x\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: yes\r\n\r\n".utf8)
        let block = ArchiveFixtures.httpBlock(headers: ["Content-Type: text/plain", "Transfer-Encoding: chunked"], body: body)
        let reading = try payloadRecords(ArchiveFixtures.warcRecord(type: "response", contentType: "application/http; msgtype=response", block: block))
        #expect(reading.problems.isEmpty)
        #expect(reading.records.first.map { String(decoding: $0.payload, as: UTF8.self) } == "hello, world")
    }

    @Test func chunkedHeaderOverAPlainBodyKeepsTheBody() throws {
        let block = ArchiveFixtures.httpBlock(headers: ["Transfer-Encoding: chunked"], body: Array("<html>already de-chunked</html>".utf8))
        let reading = try payloadRecords(ArchiveFixtures.warcRecord(type: "response", contentType: "application/http", block: block))
        #expect(reading.records.first.map { String(decoding: $0.payload, as: UTF8.self) } == "<html>already de-chunked</html>")
        #expect(reading.records.first?.contentType == nil)
        #expect(reading.records.first?.isHTMLOrText == true)  // sniffed
    }

    @Test func chunkedBodyThatBreaksLaterIsReported() throws {
        let body = Array("5\r\nhello\r\nzz\r\nmore".utf8)
        let block = ArchiveFixtures.httpBlock(headers: ["Transfer-Encoding: chunked"], body: body)
        let bytes = ArchiveFixtures.warcRecord(type: "response", contentType: "application/http", block: block)
            + ArchiveFixtures.warcRecord(type: "resource", contentType: "text/plain", block: Array("next".utf8))
        let reading = try payloadRecords(bytes)
        #expect(reading.problems == [ArchiveProblem(offset: 0, message: "bad chunked body: no chunk size at payload byte 10")])
        #expect(reading.records.map(\.type) == [.resource])
    }

    @Test func chunkedBodyCutShortKeepsItsChunks() throws {
        let block = ArchiveFixtures.httpBlock(headers: ["Transfer-Encoding: chunked"], body: Array("5\r\nhello\r\n9\r\n, wor".utf8))
        let reading = try payloadRecords(ArchiveFixtures.warcRecord(type: "response", contentType: "application/http", block: block))
        #expect(reading.problems.isEmpty)
        #expect(reading.records.first.map { String(decoding: $0.payload, as: UTF8.self) } == "hello, wor")
    }

    @Test func unsupportedEncodingsAndRedirectsAreCounted() throws {
        let brotli = ArchiveFixtures.httpBlock(headers: ["Content-Encoding: br"], body: [1, 2, 3])
        let redirect = ArchiveFixtures.httpBlock(status: "301 Moved Permanently", headers: ["Location: /"], body: [])
        let dns = Array("20200101000000\nexample.com. 300 IN A 93.184.216.34\n".utf8)
        let bytes = ArchiveFixtures.warcRecord(type: "response", contentType: "application/http", block: brotli)
            + ArchiveFixtures.warcRecord(type: "response", contentType: "application/http", block: redirect)
            + ArchiveFixtures.warcRecord(type: "response", uri: "dns:example.com", contentType: "text/dns", block: dns)
            + ArchiveFixtures.warcRecord(type: "continuation", block: [1]) + ArchiveFixtures.warcRecord(type: "novel", block: [])
        let reading = try payloadRecords(bytes)
        #expect(reading.records.isEmpty)
        #expect(reading.problems.isEmpty)
        #expect(reading.skipped == ["payloads in unsupported content encodings": 1, "non-2xx responses": 1, "non-http responses": 1,
                                    "continuation records": 1, "records of other types": 1])
    }

    @Test func httpBlockWithoutStatusLineIsReported() throws {
        let reading = try payloadRecords(ArchiveFixtures.warcRecord(type: "response", contentType: "application/http; msgtype=response",
                                                    block: Array("<html>no envelope</html>".utf8)))
        #expect(reading.problems == [ArchiveProblem(offset: 0, message: "bad http status line")])
    }

    @Test func deflateAndBrokenGzipEncodings() throws {
        // zlib-wrapped deflate of "hi" (stored block), then a gzip body whose data is damaged.
        let zlibHi: [UInt8] = [0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF, 0x68, 0x69, 0x01, 0x3B, 0x00, 0xD2]
        var gzip = StoredGzip.member(Array("hello".utf8))
        gzip[10] = 0x07  // a reserved block type
        let bytes = ArchiveFixtures.warcRecord(type: "response", contentType: "application/http",
                               block: ArchiveFixtures.httpBlock(headers: ["Content-Encoding: deflate"], body: zlibHi))
            + ArchiveFixtures.warcRecord(type: "response", contentType: "application/http",
                         block: ArchiveFixtures.httpBlock(headers: ["Content-Encoding: x-gzip"], body: gzip))
            + ArchiveFixtures.warcRecord(type: "response", contentType: "application/http",
                         block: ArchiveFixtures.httpBlock(headers: ["Content-Encoding: gzip"], body: Array("<p>stored decoded</p>".utf8)))
        let reading = try payloadRecords(bytes)
        #expect(reading.records.map { String(decoding: $0.payload, as: UTF8.self) } == ["hi", "<p>stored decoded</p>"])
        #expect(reading.problems.map(\.message) == ["bad x-gzip content encoding: invalid block type"])
    }

    @Test func bareLFHeadersAreRead() throws {
        let record = Array("WARC/1.1\nWARC-Type: resource\nwarc-target-uri: <http://a.example/>\nContent-Type: text/plain\nContent-Length: 2\n\nok\n\n".utf8)
        let reading = try payloadRecords(record)
        #expect(reading.problems.isEmpty)
        #expect(reading.records.first?.targetURI == "http://a.example/")
        #expect(reading.records.first?.payload == Array("ok".utf8))
    }

    @Test(arguments: [
        ("text/html; charset=UTF-8", "x", true), ("application/xhtml+xml", "x", true), ("TEXT/PLAIN", "x", true),
        ("application/json", "<html>", false), ("image/png", "x", false), (nil, "  <!DOCTYPE html><p>", true),
        (nil, "\u{FEFF}<HTML>", true), (nil, "{\"a\": 1}", false), ("", "<html>", true),
    ] as [(String?, String, Bool)])
    func htmlOrTextByTypeOrSniffing(contentType: String?, payload: String, expected: Bool) {
        let record = ArchiveRecord(type: .resource, targetURI: nil, date: nil, recordID: nil, httpStatus: nil,
                                   contentType: contentType, payload: Array(payload.utf8), offset: 0)
        #expect(record.isHTMLOrText == expected)
    }

    @Test func arcHeaderLayouts() {
        func parse(_ line: String, version: Int = 1) -> (url: String, date: String, type: String, length: Int64)? {
            let bytes = Array(line.utf8)
            return bytes.withUnsafeBufferPointer { buffer -> (String, String, String, Int64)? in
                guard let base = buffer.baseAddress, let header = ARCHeader(base, count: buffer.count, version: version) else { return nil }
                return (ArchiveBytes.string(base, header.url), ArchiveBytes.string(base, header.date),
                        ArchiveBytes.string(base, header.contentType), header.length)
            }
        }
        let v1 = parse("http://a.example/x y 1.2.3.4 20140216050221 text/html 1591")
        #expect(v1?.url == "http://a.example/x y")
        #expect(v1?.date == "20140216050221")
        #expect(v1?.type == "text/html")
        #expect(v1?.length == 1591)
        let v2 = parse("http://a.example/ 1.2.3.4 20080430204825 text/html 200 ABCDEF - 12345678 file.arc 1234\r", version: 2)
        #expect(v2?.url == "http://a.example/")
        #expect(v2?.date == "20080430204825")
        #expect(v2?.length == 1234)
        #expect(parse("http://a.example/ 1.2.3.4 20080430204825 text/html 200 ABCDEF - 12345678 file.arc 1234")?.url == "http://a.example/")
        #expect(parse("URL IP-address Archive-date Content-type Archive-length") == nil)
        #expect(parse("1 0 LiveWeb Capture") == nil)
        #expect(ARCHeader.isoDate("20140216050221") == "2014-02-16T05:02:21Z")
        #expect(ARCHeader.isoDate("201402160502") == "2014-02-16T05:02:00Z")
        #expect(ARCHeader.isoDate("201404010000000000") == "2014-04-01T00:00:00Z")
    }
}
