import Foundation
@testable import StemmaIO
import StemmaTestSupport
import Testing

@Suite struct TextInputTests {
    let directory: URL

    init() throws {
        directory = ScratchDirectory.root.appendingPathComponent("stemma-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ bytes: [UInt8], named name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func utf8TextIsReadUnchanged() throws {
        let path = try write(Array("Kyiv — “today”\n".utf8), named: "ok.txt")
        let input = try TextInput.read(path)
        #expect(input.text == "Kyiv — “today”\n")
        #expect(input.replacedSequences == 0)
    }

    @Test func emptyFileIsValid() throws {
        #expect(try TextInput.read(try write([], named: "empty.txt")).text == "")
    }

    @Test func missingFileAndDirectoryAreClearErrors() {
        let missing = directory.appendingPathComponent("missing.txt").path
        #expect(throws: ReadError(file: missing, reason: .notFound)) { try TextInput.read(missing) }
        #expect(throws: ReadError(file: directory.path, reason: .isDirectory)) { try TextInput.read(directory.path) }
    }

    @Test func binaryFileNamesTheNULOffset() throws {
        let path = try write([0x41, 0x42, 0x00, 0x43], named: "binary.bin")
        #expect(throws: ReadError(file: path, offset: 2, reason: .binary)) { try TextInput.read(path) }
        #expect(ReadError(file: path, offset: 2, reason: .binary).description.hasSuffix("byte 2: binary file (NUL byte), not text"))
    }

    @Test(arguments: [
        ([0x61, 0x62, 0xFF, 0x63], 2),  // a byte that never starts UTF-8
        ([0x61, 0xC3], 1),  // truncated two-byte sequence
        ([0xE2, 0x80, 0x41], 0),  // bad continuation
        ([0x61, 0xC0, 0xAF], 1),  // overlong form of "/"
        ([0xED, 0xA0, 0x80], 0),  // UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
        (Array("0123456789abcdef".utf8) + [0x80], 16),  // after the eight-byte fast path
    ] as [([UInt8], Int)])
    func invalidUTF8NamesItsOffset(bytes: [UInt8], offset: Int) throws {
        let path = try write(bytes, named: "bad.txt")
        #expect(throws: ReadError(file: path, offset: offset, reason: .invalidUTF8)) { try TextInput.read(path) }
    }

    @Test func lossyReadingReplacesAndCounts() throws {
        let path = try write(Array("ok ".utf8) + [0xFF] + Array(" and ".utf8) + [0xC3] + Array(" \u{FFFD} kept".utf8), named: "lossy.txt")
        let input = try TextInput.read(path, lossy: true)
        #expect(input.replacedSequences == 2)
        #expect(input.text == "ok \u{FFFD} and \u{FFFD} \u{FFFD} kept")
    }

    @Test func largeSingleLineIsRead() throws {
        let line = [UInt8](repeating: UInt8(ascii: "a"), count: 8_000_000) + Array(" end".utf8)
        let input = try TextInput.read(try write(line, named: "long.txt"))
        #expect(input.text.utf8.count == line.count)
    }
}

@Suite struct TextInputIssue11Tests {
    let directory: ScratchDirectory

    init() throws {
        directory = try ScratchDirectory(prefix: "stemma-text")
    }

    static let utf16LE: [UInt8] = Array("Hello, world. ".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })

    /// UTF-16 text was called binary; it is named, with what to do.
    @Test(arguments: [
        [0xFF, 0xFE] + utf16LE,  // little-endian with its byte order mark
        [0xFE, 0xFF] + utf16LE.chunked2Swapped,  // big-endian with its mark
        utf16LE + utf16LE,  // no mark: NULs in every other byte
        [0xFF, 0xFE, 0x1F, 0x6C, 0x34, 0x6C],  // a mark and no NUL (CJK text)
    ])
    func issue11_utf16IsNamed(bytes: [UInt8]) throws {
        let path = try directory.write(bytes, named: "utf16-\(bytes.count)-\(bytes[0]).txt")
        let error = #expect(throws: ReadError.self) { try TextInput.read(path) }
        #expect(error?.reason == .utf16)
        #expect(error?.description.hasSuffix("UTF-16 text (convert to UTF-8)") == true)
    }

    @Test func binaryIsStillBinary() throws {
        let path = try directory.write([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x7A], named: "zip.txt")
        #expect(throws: ReadError(file: path, offset: 5, reason: .binary)) { try TextInput.read(path) }
    }

    /// A gzip bomb was inflated whole before the NUL at byte 0 was seen. The check now runs on
    /// each chunk as it is read; this test sees the outcome (binary at byte 0, and a capped text
    /// file skipped), not the peak memory, which the reads of one chunk bound by construction.
    @Test func issue11_gzipBombStopsEarly() throws {
        let zeros = try directory.gzip(try directory.write([UInt8](repeating: 0, count: 8 << 20), named: "bomb.txt"))
        let error = #expect(throws: ReadError.self) { try TextInput.read(zeros) }
        #expect(error?.reason == .binary && error?.offset == 0)

        let text = try directory.gzip(try directory.write([UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20), named: "big.txt"))
        let stream = try ByteStream(path: text)
        let tooLarge = #expect(throws: ReadError.self) { try TextInput.readChecked(stream, lossy: false, maximumBytes: 1 << 20) }
        #expect(tooLarge?.reason == .tooLarge(1 << 20))
        #expect(tooLarge?.description.hasSuffix("larger than the limit of 1048576 bytes for one record") == true)
    }

    /// Invalid UTF-8 stops the read where it is; a sequence cut by a read is joined first.
    @Test func invalidUTF8IsFoundAsItStreams() throws {
        let bytes = Array("caf".utf8) + [0xC3, 0xA9] + Array(" ok ".utf8) + [0xE2, 0x82, 0xAC] + [0xFF] + Array("rest".utf8)
        for size in 1...5 {
            let stream = try ByteStream(path: "mem.txt", bytes: bytes, readSizes: [size])
            #expect(throws: ReadError(file: "mem.txt", offset: 12, reason: .invalidUTF8)) {
                try TextInput.readChecked(stream, lossy: false, maximumBytes: 100)
            }
            let valid = try ByteStream(path: "mem.txt", bytes: Array(bytes[..<12]), readSizes: [size])
            #expect(try TextInput.readChecked(valid, lossy: false, maximumBytes: 100) == Array(bytes[..<12]))
        }
    }

    @Test func issue11_byteOrderMarkIsStripped() throws {
        let path = try directory.write(ByteStream.byteOrderMark + Array("Text.\n".utf8), named: "bom.txt")
        #expect(try TextInput.read(path).text == "Text.\n")
        #expect(try TextInput.read(try directory.gzip(path)).text == "Text.\n")
        // Only at the start.
        let inside = try directory.write(Array("a".utf8) + ByteStream.byteOrderMark, named: "inside.txt")
        #expect(try TextInput.read(inside).bytes == Array("a".utf8) + ByteStream.byteOrderMark)
    }
}

extension Array where Element == UInt8 {
    /// Each byte pair swapped: little-endian UTF-16 made big-endian.
    var chunked2Swapped: [UInt8] {
        stride(from: 0, to: count - 1, by: 2).flatMap { [self[$0 + 1], self[$0]] }
    }
}
