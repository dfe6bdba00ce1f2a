@testable import StemmaIO
import StemmaTestSupport
import Testing

@Suite struct JSONLineParserTests {
    func members(_ line: String) throws(JSONLineParser.Failure) -> [(key: String, value: JSONLineParser.Value)] {
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(JSONLineParser.Failure) in try JSONLineParser.members(of: buffer) }
    }

    func failure(_ line: String) -> JSONLineParser.Failure? {
        do {
            _ = try members(line)
            return nil
        } catch {
            return error
        }
    }

    @Test func stringsAreDecoded() throws {
        let text = String(repeating: "Long unescaped prose, ", count: 20)
        let decoded = try members(#"{"id": "a", "text": "\#(text)\n\"quoted\" \\ \/ \t\u00e9\ud83d\ude00", "n": 3}"#)
        #expect(decoded.map(\.key) == ["id", "text", "n"])
        #expect(decoded[1].value == .string(Array((text + "\n\"quoted\" \\ / \té😀").utf8)))
        #expect(decoded[2].value == .raw(Array("3".utf8)))
    }

    /// Errors name the offset of the offending byte, wherever it falls in the 16-byte scan.
    @Test(arguments: 0..<40) func errorsKeepTheirOffsets(position: Int) {
        let run = String(repeating: "x", count: position)
        let head = #"{"text": ""#.utf8.count
        #expect(failure("{\"text\": \"\(run)\u{01}tail\"}") == .init(offset: head + position, reason: "control character in a string"))
        #expect(failure("{\"text\": \"\(run)\\qtail\"}") == .init(offset: head + position + 1, reason: "invalid escape"))
        #expect(failure("{\"text\": \"\(run)") == .init(offset: head + position, reason: "unterminated string"))
        #expect(failure("{\"text\": \"\(run)\\") == .init(offset: head + position + 1, reason: "unterminated string"))
    }

    /// The scan for a run's end agrees with a byte-at-a-time search.
    @Test(arguments: 0..<100) func endOfRunFindsTheFirstSpecialByte(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let alphabet: [UInt8] = Array("abc \u{7F}".utf8) + [0x22, 0x5C, 0x00, 0x1F, 0x20, 0x21, 0x5B, 0x5D, 0x80, 0xE2, 0xFF]
        let count = Int(rng.next() % 70)
        let bytes = (0..<count).map { _ in
            rng.next() % 8 == 0 ? alphabet[Int(rng.next() % UInt64(alphabet.count))] : UInt8(ascii: "m")
        }
        for start in 0...count {
            let expected = bytes[start...].firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 } ?? count
            #expect(bytes.withUnsafeBufferPointer { JSONLineParser.endOfRun(in: $0, from: start) } == expected)
        }
    }
}
