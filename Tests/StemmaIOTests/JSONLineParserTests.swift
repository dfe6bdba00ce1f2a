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

@Suite struct JSONLineParserIssue11Tests {
    func members(_ bytes: [UInt8]) -> Result<[(key: String, value: JSONLineParser.Value)], JSONLineParser.Failure> {
        bytes.withUnsafeBufferPointer { line in Result { () throws(JSONLineParser.Failure) in try JSONLineParser.members(of: line) } }
    }

    func nested(_ depth: Int) -> [UInt8] {
        Array(#"{"id":"a","text":"x","m":"#.utf8) + [UInt8](repeating: UInt8(ascii: "["), count: depth)
            + [UInt8](repeating: UInt8(ascii: "]"), count: depth) + [UInt8(ascii: "}")]
    }

    /// 80,000 levels overflowed the stack of the recursive skip; now the depth is capped.
    @Test func issue11_membersNestedDeeperThan512LevelsAreRefused() throws {
        guard case .failure(let failure) = members(nested(80_000)) else {
            Issue.record("an 80,000-deep member was accepted")
            return
        }
        #expect(failure.reason == "arrays and objects nested deeper than 512 levels")
        #expect(failure.offset == #"{"id":"a","text":"x","m":"#.utf8.count + 512)
        #expect(try members(nested(512)).get().count == 3)
        // Deep objects too, and mixed.
        let objects = Array(String(repeating: #"{"k":["#, count: 300).utf8)
        #expect(throws: JSONLineParser.Failure.self) { try members(Array(#"{"text":"x","m":"#.utf8) + objects).get() }
    }

    @Test(arguments: ["1.2.3", "--5", "0123", "1e", ".5", "1.", "-", "+1", "1e+", "01", "-01", "1.5e3.2", "0x10", "NaN",
                      "tru", "nul", "falsey", "[1,]", "[,1]", "{\"a\"}", "{\"a\":1,}", "{1:2}", "\"\\x\"", "\"\\u12G4\"", "[1 2]"])
    func issue11_invalidMemberValues(value: String) {
        guard case .failure = members(Array(#"{"text":"x","extra":\#(value)}"#.utf8)) else {
            Issue.record("\(value) passed as JSON")
            return
        }
    }

    @Test(arguments: ["0", "-0", "-0.5e+10", "1E5", "12.25", "1e-7", "true", "null",
                      #"[1, 2.5, {"a": [true, false, null]}, "\u00e9\n"]"#, "{}", "[]", #"{"a":{"b":{}}}"#])
    func issue11_validMemberValuesPassThrough(value: String) throws {
        let decoded = try members(Array(#"{"text":"x","extra": \#(value) }"#.utf8)).get()
        #expect(decoded.last?.value == .raw(Array(value.utf8)))
    }
}
