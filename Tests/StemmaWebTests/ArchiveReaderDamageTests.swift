import Foundation
import Testing
@testable import StemmaWeb
import StemmaTestSupport

/// Damage made in the test from good samples: each is reported once, with its offset, and the
/// sound records around it still come out.
@Suite struct ArchiveReaderDamageTests {
    static let versionLineProblem = "garbage where a record should start: expected a WARC/1.0 or WARC/1.1 version line"

    @Test func plainFileCutInsideTheResponse() throws {
        let bytes = try ArchiveSamples.bytes("example.warc")
        let reading = try ArchiveReading.bytes(Array(bytes[..<1800]))
        #expect(reading.records.isEmpty)
        #expect(reading.problems == [ArchiveProblem(offset: 1197, message: "truncated record: Content-Length 975 runs past the end of the file")])
        #expect(reading.skipped == ["warcinfo records": 2])
    }

    @Test func plainFileCutInsideASkippedRecord() throws {
        let bytes = try ArchiveSamples.bytes("example.warc")
        let reading = try ArchiveReading.bytes(Array(bytes[..<4700]))
        #expect(reading.records.count == 1)
        #expect(reading.problems == [ArchiveProblem(offset: 4316, message: "truncated record: Content-Length 493 runs past the end of the file")])
    }

    @Test func plainFileCutInsideAHeader() throws {
        let bytes = try ArchiveSamples.bytes("example.warc")
        let reading = try ArchiveReading.bytes(Array(bytes[..<1250]))
        #expect(reading.problems == [ArchiveProblem(offset: 1197, message: "truncated record header: the file ends inside it")])
    }

    @Test func gzipFileCutInsideAMember() throws {
        let bytes = try ArchiveSamples.bytes("example.warc.gz")
        let reading = try ArchiveReading.bytes(Array(bytes[..<1500]))
        #expect(reading.records.isEmpty)
        #expect(reading.problems == [ArchiveProblem(offset: 784, message: "truncated gzip member: the file ends inside it")])
        #expect(reading.skipped == ["warcinfo records": 2])
    }

    @Test func flippedByteInAMemberCostsOnlyThatMember() throws {
        var bytes = try ArchiveSamples.bytes("example.warc.gz")
        let offsets = ArchiveSamples.exampleMemberOffsets
        bytes[offsets[2] + 300] ^= 0x55
        let reading = try ArchiveReading.bytes(bytes)
        #expect(reading.records.isEmpty)
        #expect(reading.problems.count == 1)
        #expect(reading.problems.first?.offset == offsets[2])
        #expect(reading.problems.first?.message.hasPrefix("broken gzip member: ") == true)
        #expect(reading.skipped == ["warcinfo records": 2, "request records": 2, "revisit records": 1])
    }

    @Test func flippedBytesInEachMemberAreEachReportedOnce() throws {
        let good = try ArchiveSamples.bytes("example.warc.gz")
        let offsets = ArchiveSamples.exampleMemberOffsets
        for (index, start) in offsets.enumerated() {
            var bytes = good
            let end = index + 1 < offsets.count ? offsets[index + 1] : good.count
            bytes[(start + end) / 2] ^= 0xFF
            let reading = try ArchiveReading.bytes(bytes)
            #expect(reading.problems.map(\.offset) == [start], "member \(index)")
            #expect(reading.records.count == (index == 2 ? 0 : 1), "member \(index)")
        }
    }

    @Test func damageInsideAWholeFileMemberIsReportedAtItsStart() throws {
        var bytes = try ArchiveSamples.bytes("example-bad-non-chunked.warc.gz")
        bytes[1600] ^= 0xFF
        for readSize in [64, ArchiveReader.defaultReadSize] {
            let reading = try ArchiveReading.bytes(bytes, readSize: readSize)
            #expect(reading.problems.count == 1)
            #expect(reading.problems.first?.offset == 0)
            #expect(reading.problems.first?.message.hasPrefix("broken gzip member") == true)
        }
    }

    @Test func garbageBetweenMembersIsReportedAndPassedOver() throws {
        let bytes = try ArchiveSamples.bytes("example.warc.gz")
        let offsets = ArchiveSamples.exampleMemberOffsets
        let damaged = Array(bytes[..<offsets[2]]) + Array("junk".utf8) + Array(bytes[offsets[2]...])
        let reading = try ArchiveReading.bytes(damaged)
        #expect(reading.problems == [ArchiveProblem(offset: offsets[2], message: "garbage after gzip member")])
        #expect(reading.records.map(\.offset) == [offsets[2] + 4])
        #expect(reading.skipped == ["warcinfo records": 2, "request records": 2, "revisit records": 1])
    }

    @Test func zeroPaddingAfterTheLastMemberIsNotDamage() throws {
        let bytes = try ArchiveSamples.bytes("example.warc.gz") + [UInt8](repeating: 0, count: 512)
        let reading = try ArchiveReading.bytes(bytes)
        #expect(reading.problems.isEmpty)
        #expect(reading.records.count == 1)
    }

    @Test func badContentLengthIsReportedAndTheNextRecordFound() throws {
        let bytes = try ArchiveSamples.bytes("example.warc").replacingFirst("Content-Length: 975", with: "Content-Length: 9x5")
        let reading = try ArchiveReading.bytes(bytes)
        #expect(reading.records.isEmpty)
        #expect(reading.problems == [ArchiveProblem(offset: 1197, message: "bad Content-Length \"9x5\"")])
        #expect(reading.skipped == ["warcinfo records": 2, "request records": 2, "revisit records": 1])
    }

    @Test func missingContentLengthIsReported() throws {
        let bytes = try ArchiveSamples.bytes("example.warc").replacingFirst("Content-Length: 975", with: "Content-Lingth: 975")
        let reading = try ArchiveReading.bytes(bytes)
        #expect(reading.problems == [ArchiveProblem(offset: 1197, message: "missing Content-Length")])
        #expect(reading.skipped == ["warcinfo records": 2, "request records": 2, "revisit records": 1])
    }

    @Test func versionLineThatIsNotWARC() throws {
        let good = try ArchiveSamples.bytes("example.warc")
        var bytes = good
        bytes[1197 + 5] = UInt8(ascii: "9")  // WARC/9.0
        let reading = try ArchiveReading.bytes(bytes)
        #expect(reading.records.isEmpty)
        #expect(reading.problems == [ArchiveProblem(offset: 1197, message: Self.versionLineProblem)])
        #expect(reading.skipped == ["warcinfo records": 2, "request records": 2, "revisit records": 1])
        // The same inside a gzip member.
        let gzip = try ArchiveReading.bytes(StoredGzip.member(bytes))
        #expect(gzip.problems == [ArchiveProblem(offset: 0, message: Self.versionLineProblem)])
    }

    @Test func garbageBetweenRecordsIsReportedOnce() throws {
        let good = try ArchiveSamples.bytes("example.warc")
        let noise = Array("some stray bytes\r\nand WARC/1.0 not at a line start\r\n".utf8)
        let bytes = Array(good[..<1197]) + noise + Array(good[1197...])
        let reading = try ArchiveReading.bytes(bytes)
        #expect(reading.problems == [ArchiveProblem(offset: 1197, message: Self.versionLineProblem)])
        #expect(reading.records.map(\.offset) == [1197 + noise.count])
        // Leading garbage, and blank lines of either kind between records, are tolerated alike.
        let loose = Array("\n\r\n\n".utf8) + good.replacingFirst("\r\n\r\nWARC/1.0", with: "\n\n\n\r\nWARC/1.0")
        #expect(try ArchiveReading.bytes(loose).problems.isEmpty)
        #expect(try ArchiveReading.bytes(loose).records.count == 1)
    }

    @Test func hugeContentLengthIsSkippedWithoutAllocating() throws {
        let good = try ArchiveSamples.bytes("example.warc")
        // A response claiming 2 GB: over the limit, reported once, and the end of the file is
        // met while passing over it (not reported again).
        let response = try ArchiveReading.bytes(good.replacingFirst("Content-Length: 975", with: "Content-Length: 2147483648"))
        #expect(response.problems == [ArchiveProblem(
            offset: 1197, message: "record too large: Content-Length 2147483648 exceeds the limit of \(ArchiveOptions.defaultMaxRecordBytes) bytes")])
        // A skipped record claiming 2 GB, in a gzip file: inflated and dropped up to the end.
        let request = try ArchiveReading.bytes(StoredGzip.member(good.replacingFirst("Content-Length: 493", with: "Content-Length: 2000000000")))
        #expect(request.records.count == 1)
        #expect(request.problems == [ArchiveProblem(offset: 0, message: "truncated record: Content-Length 2000000000 runs past the end of the file")])
        // Content-Length past Int64.
        let overflow = try ArchiveReading.bytes(good.replacingFirst("Content-Length: 975", with: "Content-Length: 99999999999999999999999"))
        #expect(overflow.problems.first?.message == "bad Content-Length \"99999999999999999999999\"")
    }

    @Test func maxRecordBytesBoundsBlocksAndDecodedPayloads() throws {
        let good = try ArchiveSamples.bytes("example.warc")
        let small = try ArchiveReading.bytes(good, options: ArchiveOptions(maxRecordBytes: 900))
        #expect(small.problems == [ArchiveProblem(offset: 1197, message: "record too large: Content-Length 975 exceeds the limit of 900 bytes")])
        #expect(small.skipped == ["warcinfo records": 2, "request records": 2, "revisit records": 1])
        // The block fits in 1000 bytes, but its gzip payload inflates to 1270: a bomb, stopped.
        let bomb = try ArchiveReading.bytes(good, options: ArchiveOptions(maxRecordBytes: 1000))
        #expect(bomb.problems == [ArchiveProblem(offset: 1197, message: "gzip content encoding expands past the limit of 1000 bytes")])
    }

    /// Arbitrary bytes, and samples mutated at random (bytes flipped, cut, repeated, spliced),
    /// plain and gzip, read cut at random sizes: the reader returns, and every offset it gives
    /// lies in the file.
    @Test(arguments: 0..<60)
    func anyBytesReturn(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let names = ["example.warc", "example.warc.gz", "example-bad-non-chunked.warc.gz", "example-iana.org-chunked.warc",
                     "example.arc", "example.arc.gz", "bad.arc", "example-wrong-chunks.warc.gz", "post-test.warc.gz"]
        var bytes: [UInt8]
        switch seed % 4 {
        case 0:
            bytes = (0..<Int.random(in: 0..<3000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            if seed % 8 == 0 { bytes = [0x1F, 0x8B, 0x08, 0x00] + bytes }
        default:
            bytes = try ArchiveSamples.bytes(names[seed % names.count])
            for _ in 0..<Int.random(in: 1...12, using: &random) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.removeSubrange(at...)
                case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 200)], at: at)
                default: bytes.insert(contentsOf: [0x1F, 0x8B, 0x08, 0x00, 0x0D, 0x0A, 0x30], at: at)
                }
            }
        }
        if seed % 3 == 0 { bytes = StoredGzip.member(bytes) }
        let readSize = [1, 5, 100, 4096, ArchiveReader.defaultReadSize][seed % 5]
        let options = try ArchiveOptions(maxRecordBytes: [100, 2000, 1 << 20][seed % 3])
        let reading = try ArchiveReading.bytes(bytes, options: options, readSize: readSize)
        let offsets = reading.problems.map(\.offset) + reading.records.map(\.offset)
        #expect(offsets.allSatisfy { (0...bytes.count).contains($0) })
        #expect(reading.records.allSatisfy { $0.payload.count <= options.maxRecordBytes })
    }
}
