@testable import StemmaIO
import StemmaTestSupport
import Testing

/// Streamed reading gives exactly what reading the whole buffer gives, however the reads cut the
/// input (issue 11: a malformed CSV line cut by the 1 MiB chunk made a phantom record). Random
/// CSV, JSONL and text with quotes, newlines, CRLF, byte order marks and malformed records, read
/// whole and in reads of 1–16 bytes.
@Suite struct CorpusReaderStreamingTests {
    struct Generator {
        var rng: SplitMix64

        mutating func below(_ bound: Int) -> Int { Int(rng.next() % UInt64(bound)) }
        mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

        mutating func csvField() -> String {
            switch below(20) {
            case 0: return ""
            case 1, 7, 8: return "\"quoted, with \"\"quotes\"\"\nand a newline\""
            case 2: return "\"x\"junk"  // text after a closing quote
            case 3: return "\"unbalanced"
            case 4: return "\"\r\n\""
            case 5: return "id\u{1}ctl"
            case 6: return "caf\u{E9} \u{1F600}"
            default: return pick(["word", "two words", "a\"b", "1", "x y z", "\"\""])
            }
        }

        mutating func csv() -> [UInt8] {
            let header = pick(["id,text", "id,text", "text,id,extra", "\u{FEFF}id,text"])
            let columns = header.split(separator: ",").count
            var text = header + pick(["\n", "\r\n"])
            for _ in 0..<below(12) {
                if below(8) == 0 {
                    text += pick(["\n", "\r\n", "\r"])
                    continue
                }
                let count = below(6) == 0 ? 1 + below(4) : columns
                text += (0..<count).map { _ in csvField() }.joined(separator: ",")
                text += pick(["\n", "\r\n", "\r", "\n"])
            }
            if below(3) == 0, !text.isEmpty { text.removeLast() }  // no final newline
            return Array(text.utf8)
        }

        mutating func jsonValue(depth: Int = 0) -> String {
            switch below(depth > 2 ? 6 : 9) {
            case 0: return pick(["0", "-1.5e3", "12", "1.2.3", "0123", "--5", "1e", ".5"])
            case 1: return pick(["true", "false", "null", "tru", "nul"])
            case 2: return pick(["\"plain\"", "\"esc \\\" \\n \\u00e9 \\ud83d\\ude00\"", "\"bad \\x\"", "\"lone \\ud800\""])
            case 3: return "\"unterminated"
            case 4: return "\"ctl \u{1}\""
            case 5: return "\"\""
            case 6: return "[" + (0..<below(3)).map { _ in jsonValue(depth: depth + 1) }.joined(separator: ",") + "]"
            case 7: return "{" + (0..<below(3)).map { _ in "\"k\(below(3))\": \(jsonValue(depth: depth + 1))" }.joined(separator: ", ") + "}"
            default: return String(repeating: "[", count: 510 + below(5)) + String(repeating: "]", count: 510 + below(5))
            }
        }

        mutating func jsonLine() -> String {
            switch below(12) {
            case 0: return ""
            case 1: return "not json"
            case 2: return "{\"id\": \"a\", \"text\": \"x\"} trailing"
            default:
                var members: [String] = []
                for _ in 0..<below(5) {
                    let key = pick(["id", "text", "title", "date", "n", "tags", "text", "id"])
                    let value = key == "text" || key == "id" ? pick(["\"story\"", "\"t\\u0000\"", "\"\"", "7", "\"dup\"", jsonValue()]) : jsonValue()
                    members.append("\"\(key)\": \(value)")
                }
                return "{" + members.joined(separator: pick([",", ", ", " ,\t"])) + "}"
            }
        }

        mutating func jsonl() -> [UInt8] {
            var text = below(6) == 0 ? "\u{FEFF}" : ""
            for _ in 0..<below(10) { text += jsonLine() + pick(["\n", "\r\n", "\n"]) }
            if below(3) == 0 { text += jsonLine() }
            var bytes = Array(text.utf8)
            if below(6) == 0, !bytes.isEmpty { bytes.insert(pick([0x00, 0xFF, 0xC3, 0x0D]), at: below(bytes.count)) }
            return bytes
        }

        mutating func textFile() -> [UInt8] {
            let bytes = Array(pick(["Plain text.\n", "\u{FEFF}With a mark.", "", "caf\u{E9}"]).utf8)
            switch below(5) {
            case 0: return bytes + [0xFF, 0x41]
            case 1: return [0xFF, 0xFE] + Array("Hi".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            case 2: return bytes + [0x00] + bytes
            default: return bytes
            }
        }

        mutating func readSizes() -> [Int] { (0..<(1 + below(6))).map { _ in 1 + below(16) } }
    }

    static let limits = [CorpusOptions(), CorpusOptions(maxRecordBytes: 40), CorpusOptions(lossy: true)]

    @Test(arguments: 0..<300) func streamedReadingMatchesWholeReading(seed: Int) {
        var generator = Generator(rng: SplitMix64(seed: UInt64(seed)))
        let inputs: [(name: String, bytes: [UInt8])] = [
            ("corpus.csv", generator.csv()), ("corpus.jsonl", generator.jsonl()), ("-", generator.jsonl()),
            ("-", generator.textFile()), ("doc.txt", generator.textFile()),
        ]
        for (name, bytes) in inputs {
            let options = generator.pick(Self.limits)
            let sizes = generator.readSizes()
            let disagreement = CorpusReader.streamingDisagreement(in: bytes, named: name, readSizes: sizes, options: options)
            #expect(disagreement == nil, "\(name) \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    /// Every byte position as a cut: one read of `k` bytes, then the rest.
    @Test func aMixedCSVReadsTheSameWhereverTheFirstReadEnds() {
        let bytes = Array("\u{FEFF}id,text\r\n1,\"a,\"\"b\"\"\r\nc\"\r\n2,\"x\"junk\r\n3,plain\r\r\n4,\"open\n5,five\n".utf8)
        for cut in 1..<bytes.count {
            #expect(CorpusReader.streamingDisagreement(in: bytes, named: "a.csv", readSizes: [cut, 1 << 20]) == nil, "cut at \(cut)")
        }
    }
}
