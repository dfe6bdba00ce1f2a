import Foundation
import StemmaIO
import Testing

@Suite struct TextInputTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ bytes: [UInt8], named name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func readsUTF8Text() throws {
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
