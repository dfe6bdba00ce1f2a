import Foundation
@testable import StemmaWeb
import StemmaTestSupport

/// The WARC and ARC samples in the shared data (`corpora/warc-samples`), read in place.
enum ArchiveSamples {
    /// In the shared data, where ``Fixtures`` finds it (`$STEMMA_SHARED`, else `../shared`).
    static let directory: URL = Fixtures.sharedDirectory.appendingPathComponent("corpora/warc-samples")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// Where example.warc.gz's gzip members start (one per record), found with Python's zlib.
    static let exampleMemberOffsets = [0, 353, 784, 2012, 2621, 3207]
}

/// Everything one reading yields.
struct ArchiveReading {
    var records: [ArchiveRecord] = []
    var problems: [ArchiveProblem] = []
    var skipped: [String: Int] = [:]

    init(_ reader: ArchiveReader) throws {
        var records: [ArchiveRecord] = []
        var problems: [ArchiveProblem] = []
        try reader.forEach(problem: { problems.append($0) }) { records.append($0) }
        self.records = records
        self.problems = problems
        skipped = reader.skipped
    }

    static func file(_ name: String, options: ArchiveOptions = .standard) throws -> ArchiveReading {
        try ArchiveReading(ArchiveReader(path: ArchiveSamples.path(name), options: options))
    }

    static func bytes(_ bytes: [UInt8], options: ArchiveOptions = .standard, readSize: Int = ArchiveReader.defaultReadSize) throws
        -> ArchiveReading {
        try ArchiveReading(ArchiveReader(bytes: bytes, options: options, readSize: readSize))
    }

    /// A comparable digest of the records: what they say and their payloads.
    var summary: [String] {
        records.map { record in
            "\(record.type) \(record.targetURI ?? "-") \(record.date ?? "-") \(record.recordID ?? "-") "
                + "\(record.httpStatus.map(String.init) ?? "-") \(record.contentType ?? "-") \(record.payload.hashValue)"
        }
    }
}

/// Builds gzip files in tests without zlib: "stored" deflate blocks, which any inflater reads.
enum StoredGzip {
    /// One gzip member holding `bytes` uncompressed.
    static func member(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var index = 0
        repeat {
            let count = min(65_535, bytes.count - index)
            let isLast = index + count == bytes.count
            out.append(isLast ? 1 : 0)
            out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += bytes[index..<(index + count)]
            index += count
        } while index < bytes.count
        out += littleEndian(crc32(bytes)) + littleEndian(UInt32(truncatingIfNeeded: bytes.count))
        return out
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }
}

/// Records made in tests.
enum ArchiveFixtures {
    /// One WARC record.
    static func warcRecord(type: String, uri: String = "http://example.com/", contentType: String? = nil, block: [UInt8],
                           extra: String = "") -> [UInt8] {
        var header = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2020-01-01T00:00:00Z\r\n"
        header += "WARC-Record-ID: <urn:uuid:\(type)-\(block.count)>\r\n"
        if let contentType { header += "Content-Type: \(contentType)\r\n" }
        header += extra
        header += "Content-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// An HTTP response block: status line, the given header lines, a blank line, the body.
    static func httpBlock(status: String = "200 OK", headers: [String], body: [UInt8]) -> [UInt8] {
        Array(("HTTP/1.1 \(status)\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
    }
}

extension Array where Element == UInt8 {
    /// The first index of `pattern`, for placing damage in a sample.
    func firstIndex(ofText pattern: String) -> Int? {
        let needle = Array(pattern.utf8)
        guard needle.count <= count else { return nil }
        return (0...(count - needle.count)).first { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    func replacingFirst(_ old: String, with new: String) -> [UInt8] {
        guard let index = firstIndex(ofText: old) else { return self }
        return Array(self[..<index]) + Array(new.utf8) + Array(self[(index + old.utf8.count)...])
    }
}
