import Foundation
@testable import StemmaIO
import StemmaTestSupport
import Testing

@Suite struct ByteStreamTests {
    let directory: ScratchDirectory

    init() throws {
        directory = try ScratchDirectory(prefix: "stemma-stream")
    }

    func randomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    }

    @Test(arguments: [0, 1, 2, 4_095, 1 << 20, (1 << 20) + 1, 3 << 20])
    func plainAndGzipReadTheSameBytes(count: Int) throws {
        let bytes = randomBytes(count: count, seed: UInt64(count))
        let path = try directory.write(bytes, named: "bytes-\(count).bin")
        let plain = try ByteStream(path: path)
        #expect(try plain.readAll() == bytes)
        #expect(plain.isPlainFile)
        let compressed = try ByteStream(path: try directory.gzip(path))
        #expect(try compressed.readAll() == bytes)
        #expect(!compressed.isPlainFile)
    }

    /// zlib tells gzip by its two magic bytes; a file with only the first is plain.
    @Test func aLoneMagicByteIsPlain() throws {
        let stream = try ByteStream(path: try directory.write([0x1F], named: "one.bin"))
        #expect(try stream.readAll() == [0x1F])
        #expect(stream.isPlainFile)
    }

    @Test func readsIntoMemoryInPiecesUntilTheEnd() throws {
        let bytes = randomBytes(count: 10_000, seed: 3)
        let stream = try ByteStream(path: try directory.write(bytes, named: "pieces.bin"))
        var read: [UInt8] = []
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: 3_000, alignment: 1)
        defer { piece.deallocate() }
        while case let count = try stream.read(into: piece), count > 0 {
            read.append(contentsOf: piece[..<count])
        }
        #expect(read == bytes)
        #expect(try stream.read(into: piece) == 0)
    }

    @Test func missingAndDirectoryInputsAreClearErrors() {
        let missing = directory.url.appendingPathComponent("missing.jsonl").path
        #expect(throws: ReadError(file: missing, reason: .notFound)) { try ByteStream(path: missing) }
        #expect(throws: ReadError(file: directory.path, reason: .isDirectory)) { try ByteStream(path: directory.path) }
    }
}
