import Foundation
@testable import StemmaIO
import StemmaTestSupport
import Testing

@Suite struct LineSplitterTests {
    let directory: ScratchDirectory

    init() throws {
        directory = try ScratchDirectory(prefix: "stemma-lines")
    }

    struct Line: Equatable {
        var bytes: [UInt8]
        var number: Int
        var offset: Int
    }

    func lines(of bytes: [UInt8], prefix: Int = 0) throws -> [Line] {
        let path = try directory.write(Array(bytes[prefix...]), named: "lines-\(UUID().uuidString).jsonl")
        var splitter = LineSplitter(stream: try ByteStream(path: path), prefix: Array(bytes[..<prefix]))
        var result: [Line] = []
        while try splitter.next({ line, number, offset in result.append(Line(bytes: Array(line), number: number, offset: offset)) }) {}
        return result
    }

    /// What the splitter must return: lines split at `\n`, without a `\r` before it, with their
    /// numbers and offsets, and a last line without a newline.
    func expected(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            let end = index > start && bytes[index - 1] == 0x0D ? index - 1 : index
            result.append(Line(bytes: Array(bytes[start..<end]), number: result.count + 1, offset: start))
            start = index + 1
        }
        if start < bytes.count { result.append(Line(bytes: Array(bytes[start...]), number: result.count + 1, offset: start)) }
        return result
    }

    /// Lines of `length` bytes (newline included) filling `total` bytes.
    func file(total: Int, length: Int, lastNewline: Bool = true) -> [UInt8] {
        var bytes = (0..<total).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        for index in stride(from: length - 1, to: total, by: length) { bytes[index] = 0x0A }
        if lastNewline { bytes[total - 1] = 0x0A } else if bytes[total - 1] == 0x0A { bytes[total - 1] = UInt8(ascii: "z") }
        return bytes
    }

    @Test(arguments: [LineSplitter.chunk, LineSplitter.chunk - 1, LineSplitter.chunk + 1, 2 * LineSplitter.chunk])
    func linesEndingAtAChunkBoundary(total: Int) throws {
        // 1 MiB is a multiple of 64: lines of 64 bytes end exactly at the chunk boundary.
        for bytes in [file(total: total, length: 64), file(total: total, length: 64, lastNewline: false),
                      file(total: total, length: 1_000)] {
            #expect(try lines(of: bytes) == expected(bytes))
        }
    }

    @Test func aCRLFSplitAcrossAChunkBoundaryEndsOneLine() throws {
        var bytes = file(total: LineSplitter.chunk + 100, length: 64)
        bytes[LineSplitter.chunk - 1] = 0x0D
        bytes[LineSplitter.chunk] = 0x0A
        let split = try lines(of: bytes)
        #expect(split == expected(bytes))
        #expect(!split.contains { $0.bytes.contains(0x0D) })
    }

    @Test func linesLongerThanAChunkAreReadWhole() throws {
        var bytes = Array("{\"id\": \"short\"}\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 5 * LineSplitter.chunk / 2) + [0x0D, 0x0A]
        bytes += Array("after\n".utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: LineSplitter.chunk + 3)
        let split = try lines(of: bytes)
        #expect(split == expected(bytes))
        #expect(split.map(\.bytes.count) == [15, 5 * LineSplitter.chunk / 2, 5, LineSplitter.chunk + 3])
    }

    @Test func aPrefixCountsAsTheStartOfTheStream() throws {
        let bytes = Array("{\"a\": 1}\n\n{\"b\": 2}\r\nlast".utf8)
        for prefix in [0, 3, 9, 10, bytes.count] {
            #expect(try lines(of: bytes, prefix: prefix) == expected(bytes))
        }
    }

    @Test func emptyInputHasNoLines() throws {
        #expect(try lines(of: []).isEmpty)
        #expect(try lines(of: [0x0A]) == [Line(bytes: [], number: 1, offset: 0)])
    }

    /// Lines over the limit are reported by number and not kept, whatever the reads and the
    /// buffer size (issue 11: a gzip bomb's one line grew to 1 GB).
    @Test(arguments: [[1], [3, 16, 2], [1 << 20]])
    func issue11_linesOverTheLimit(readSizes: [Int]) throws {
        let bytes = Array("short\n0123456789\r\n01234567890\n\(String(repeating: "x", count: 200))\nafter\n0123456789\r".utf8)
        let stream = try ByteStream(path: "-", bytes: bytes, readSizes: readSizes)
        var splitter = LineSplitter(stream: stream, maximumLineBytes: 10, chunk: 16)
        var kept: [String] = []
        var tooLong: [Int] = []
        while try splitter.next({ line, number, _ in kept.append("\(number):\(String(decoding: line, as: UTF8.self))") },
                                tooLong: { tooLong.append($0) }) {}
        #expect(kept == ["1:short", "2:0123456789", "5:after"])
        #expect(tooLong == [3, 4, 6])  // the last: 11 bytes, its `\r` kept without a `\n` after it
    }
}
