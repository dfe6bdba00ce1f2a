import Foundation
import Testing
@testable import StemmaWeb

/// The reader on the real tools' samples in `corpora/warc-samples`, against what the files hold
/// (read with zcat and Python's zlib).
@Suite struct ArchiveReaderTests {
    @Test func plainWARCGivesItsOneResponseDecoded() throws {
        let reading = try ArchiveReading.file("example.warc")
        #expect(reading.problems.isEmpty)
        #expect(reading.skipped == ["warcinfo records": 2, "request records": 2, "revisit records": 1])
        let record = try #require(reading.records.first)
        #expect(reading.records.count == 1)
        #expect(record.type == .response)
        #expect(record.targetURI == "http://example.com/")
        #expect(record.date == "2017-03-06T04:02:06Z")
        #expect(record.recordID == "<urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>")
        #expect(record.httpStatus == 200)
        #expect(record.contentType == "text/html")
        #expect(record.offset == 1197)
        // Stored with Content-Encoding: gzip (606 bytes); the page is 1270 bytes.
        #expect(record.payload.count == 1270)
        let page = String(decoding: record.payload, as: UTF8.self)
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains("<title>Example Domain</title>"))
        #expect(record.isHTMLOrText)
    }

    @Test func perRecordGzipLocatesRecordsByMember() throws {
        let plain = try ArchiveReading.file("example.warc")
        let gzip = try ArchiveReading.file("example.warc.gz")
        #expect(gzip.problems.isEmpty)
        #expect(gzip.summary == plain.summary)
        #expect(gzip.skipped == plain.skipped)
        #expect(gzip.records.map(\.offset) == [ArchiveSamples.exampleMemberOffsets[2]])
    }

    @Test func wholeFileGzipGivesTheSameRecords() throws {
        // example-bad-non-chunked.warc.gz is example.warc compressed as one member.
        let plain = try ArchiveReading.file("example.warc")
        let whole = try ArchiveReading.file("example-bad-non-chunked.warc.gz")
        #expect(whole.problems.isEmpty)
        #expect(whole.summary == plain.summary)
        #expect(whole.skipped == plain.skipped)
        #expect(whole.records.map(\.offset) == [0])
    }

    @Test func gzipMadeHereOfThePlainFileReadsAlike() throws {
        let plainBytes = try ArchiveSamples.bytes("example.warc")
        let plain = try ArchiveReading.bytes(plainBytes)
        let whole = try ArchiveReading.bytes(StoredGzip.member(plainBytes))
        #expect(whole.summary == plain.summary)
        #expect(whole.problems.isEmpty)
        // Members cut at arbitrary places, not at records: records are found all the same.
        let cut = StoredGzip.member(Array(plainBytes[..<1500])) + StoredGzip.member(Array(plainBytes[1500...]))
        let split = try ArchiveReading.bytes(cut)
        #expect(split.summary == plain.summary)
        #expect(split.records.first?.offset == 0)
    }

    @Test(arguments: ["example.warc", "example.warc.gz", "example-bad-non-chunked.warc.gz", "example-iana.org-chunked.warc",
                      "example.arc", "example.arc.gz", "post-test.warc.gz", "example-wget-bad-target-uri.warc.gz",
                      "example-wrong-chunks.warc.gz", "bad.arc", "example-trunc.warc"])
    func readsCutAnywhereGiveTheSameResult(name: String) throws {
        let bytes = try ArchiveSamples.bytes(name)
        let whole = try ArchiveReading.bytes(bytes)
        for readSize in [1, 2, 3, 7, 64, 333] {
            let cut = try ArchiveReading.bytes(bytes, readSize: readSize)
            #expect(cut.summary == whole.summary, "read size \(readSize)")
            #expect(cut.problems == whole.problems, "read size \(readSize)")
            #expect(cut.skipped == whole.skipped, "read size \(readSize)")
        }
        // The path API (a descriptor, lseek) agrees with bytes in memory.
        let file = try ArchiveReading.file(name)
        #expect(file.summary == whole.summary)
        #expect(file.problems == whole.problems)
    }

    @Test func chunkedResponseIsDechunked() throws {
        let reading = try ArchiveReading.file("example-iana.org-chunked.warc")
        #expect(reading.problems.isEmpty)
        #expect(reading.skipped == ["warcinfo records": 1, "request records": 1])
        let record = try #require(reading.records.first)
        #expect(record.targetURI == "http://www.iana.org/")
        #expect(record.contentType == "text/html; charset=UTF-8")
        #expect(record.offset == 405)
        #expect(record.payload.count == 7223)
        let page = String(decoding: record.payload, as: UTF8.self)
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.hasSuffix("</html>\n"))
        #expect(!page.contains("001c37"))
    }

    @Test func resourceRecordsKeepTheirWARCContentType() throws {
        let reading = try ArchiveReading.file("example-resource.warc.gz")
        #expect(reading.problems.isEmpty)
        #expect(reading.skipped == ["warcinfo records": 2])
        let record = try #require(reading.records.first)
        #expect(reading.records.count == 1)
        #expect(record.type == .resource)
        #expect(record.targetURI == "http://example.com/")
        #expect(record.date == "2017-04-29T01:30:30Z")
        #expect(record.contentType == "text/html; charset=utf-8")
        #expect(record.mediaType == "text/html")
        #expect(record.httpStatus == nil)
        #expect(record.payload.count == 1303)
        #expect(record.offset == 802)
        #expect(record.isHTMLOrText)
    }

    @Test func spaceInTargetURIIsKept() throws {
        let reading = try ArchiveReading.file("example-space-in-target-uri.warc.gz")
        #expect(reading.problems.isEmpty)
        let record = try #require(reading.records.first)
        #expect(record.targetURI == "file:///example with spaces.png")
        #expect(record.contentType == "image/png")
        #expect(record.payload.count == 70)
        #expect(record.payload.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
        #expect(!record.isHTMLOrText)
        #expect(record.offset == 241)
    }

    @Test func wgetBracketsAreStrippedFromTargetURIs() throws {
        let reading = try ArchiveReading.file("example-wget-bad-target-uri.warc.gz")
        #expect(reading.problems.isEmpty)
        #expect(reading.records.map(\.targetURI) == [
            "http://example.com/",
            "metadata://gnu.org/software/wget/warc/wget_arguments.txt",
            "metadata://gnu.org/software/wget/warc/wget.log",
        ])
        #expect(reading.records.map(\.type) == [.response, .resource, .resource])
        #expect(reading.records.map(\.offset) == [824, 2295, 2681])
        #expect(reading.records.first?.payload.count == 1270)
        #expect(reading.records.first?.recordID == "<urn:uuid:FD8A6D04-AF8A-4A36-A889-8094487CDF2D>")
        #expect(reading.skipped == ["warcinfo records": 1, "request records": 1, "metadata records": 1])
    }

    @Test func postResponsesComeOutWithJSONPayloads() throws {
        let reading = try ArchiveReading.file("post-test.warc.gz")
        #expect(reading.problems.isEmpty)
        #expect(reading.records.map(\.targetURI) == ["http://httpbin.org/post", "http://httpbin.org/post", "http://httpbin.org/post?foo=bar"])
        #expect(reading.records.map(\.date) == ["2014-06-10T00:08:59Z", "2014-06-10T00:11:51Z", "2014-06-10T00:12:55Z"])
        #expect(reading.records.map(\.payload.count) == [545, 552, 551])
        #expect(reading.records.map(\.offset) == [0, 1196, 2395])
        #expect(reading.records.allSatisfy { $0.contentType == "application/json" && !$0.isHTMLOrText })
        #expect(reading.skipped == ["request records": 3])
    }

    @Test func gzipMembersThatSplitRecordsAreReadThrough() throws {
        // example-wrong-chunks.warc.gz: members end mid-record (at 516 and 1130), and the block
        // is followed by LF CRLF CRLF instead of CRLF CRLF: its Content-Length (1613) holds 1270
        // bytes of body where the HTTP header says 1271, and the block decides.
        let reading = try ArchiveReading.file("example-wrong-chunks.warc.gz")
        #expect(reading.problems.isEmpty)
        let record = try #require(reading.records.first)
        #expect(reading.records.count == 1)
        #expect(record.date == "2018-11-02T18:55:11Z")
        #expect(record.contentType == "text/html; charset=UTF-8")
        #expect(record.payload.count == 1270)
        #expect(record.offset == 0)
        #expect(reading.skipped == ["request records": 1])
    }

    @Test func wholeFileGzipWithARedirectCountsIt() throws {
        let reading = try ArchiveReading.file("example-bad.warc.gz.bad")
        #expect(reading.problems.isEmpty)
        #expect(reading.records.map(\.targetURI) == ["http://example.com?example=1"])
        #expect(reading.records.first?.date == "2014-01-03T03:03:21Z")
        #expect(reading.records.first?.payload.count == 1270)
        #expect(reading.skipped == ["warcinfo records": 1, "request records": 2, "revisit records": 1, "non-2xx responses": 1])
    }

    @Test func requestsOnlyGiveNoRecords() throws {
        let reading = try ArchiveReading.file("example-digest.warc")
        #expect(reading.records.isEmpty)
        #expect(reading.problems.isEmpty)
        #expect(reading.skipped == ["request records": 4])
    }

    @Test func truncatedContentLengthKeepsTheRecordAndReportsTheLeftover() throws {
        // example-trunc.warc: the response's Content-Length (973) is 2 short of its block, so two
        // bytes (the gzip trailer's end) are left before the next record's CRLFs.
        let reading = try ArchiveReading.file("example-trunc.warc")
        #expect(reading.records.count == 1)
        #expect(reading.records.first?.payload.count == 1270)
        #expect(reading.problems == [ArchiveProblem(
            offset: 2560, message: "garbage where a record should start: expected a WARC/1.0 or WARC/1.1 version line")])
        #expect(reading.skipped == ["warcinfo records": 2, "request records": 1])
    }

    @Test(arguments: ["example.arc", "example.arc.gz"])
    func arcRecordsConvertTheirDates(name: String) throws {
        let reading = try ArchiveReading.file(name)
        #expect(reading.problems.isEmpty)
        #expect(reading.skipped == ["arc version blocks": 1])
        let record = try #require(reading.records.first)
        #expect(reading.records.count == 1)
        #expect(record.type == .response)
        #expect(record.targetURI == "http://example.com/")
        #expect(record.date == "2014-02-16T05:02:21Z")
        #expect(record.recordID == nil)
        #expect(record.httpStatus == 200)
        #expect(record.contentType == "text/html")
        #expect(record.payload.count == 1270)
        #expect(record.offset == (name.hasSuffix(".gz") ? 171 : 151))
    }

    @Test func arcURLsWithSpacesAreTakenWhole() throws {
        // The file's CRs were stripped after the length was written, so its record is 12 bytes
        // short of the 1591 it declares: truncated.
        let bytes = try ArchiveSamples.bytes("example-space-in-url.arc")
        let reading = try ArchiveReading.bytes(bytes)
        #expect(reading.records.isEmpty)
        #expect(reading.problems == [ArchiveProblem(offset: 151, message: "truncated record: length 1591 runs past the end of the file")])
        // With the length the content really has (1578, and the newline that ends the record),
        // the URL comes out whole, spaces and all.
        let fixed = try ArchiveReading.bytes(bytes.replacingFirst("text/html 1591", with: "text/html 1578"))
        #expect(fixed.problems.isEmpty)
        let record = try #require(fixed.records.first)
        #expect(record.targetURI == "http://example.com/index.cfm?FuseAction=Email&EmailTitle=Examples From The Live Web&IsPopUp=False")
        #expect(record.date == "2014-02-16T05:02:21Z")
        #expect(record.payload.count == 1270)
    }

    @Test func badARCHeadersAreReportedAndPassedOver() throws {
        let reading = try ArchiveReading.file("bad.arc")
        #expect(reading.records.isEmpty)
        #expect(reading.problems == [
            ArchiveProblem(offset: 0, message: "bad arc record header: \"filedesc://bad.arc.gz 127.0.0.1 20140301000000 text/plain -1\""),
            // A 1-byte record whose content is a newline, not an HTTP response.
            ArchiveProblem(offset: 202, message: "bad http status line"),
            ArchiveProblem(offset: 262, message: "bad arc record header: \"http://example.com/ 93.184.216.119 201404010000000000 text/html abc\""),
        ])
    }

    @Test func unreadablePathsThrowAtOffsetZero() throws {
        #expect(throws: ArchiveProblem.self) { try ArchiveReader(path: ArchiveSamples.path("no-such-file.warc")) }
        let error = #expect(throws: ArchiveProblem.self) { try ArchiveReader(path: ArchiveSamples.directory.path) }
        #expect(error?.offset == 0)
        #expect(error?.message.hasSuffix("it is a directory") == true)
        #expect(throws: ArchiveProblem.self) { try ArchiveOptions(maxRecordBytes: 0) }
    }

    @Test func readingTwiceGivesTheSameRecords() throws {
        let reader = try ArchiveReader(path: ArchiveSamples.path("example.warc.gz"))
        let first = try ArchiveReading(reader)
        let second = try ArchiveReading(reader)
        #expect(first.summary == second.summary)
        #expect(first.skipped == second.skipped)
    }
}
