@testable import StemmaIO
import StemmaCore
import StemmaTestSupport
import Testing

/// Hostile input: random bytes must never crash a parser, only produce errors.
@Suite struct RandomInputTests {
    static let jsonAlphabet: [UInt8] = Array(#"{}[]:,"\ u0123456789abcdefnrtlse.-+ "#.utf8) + [0x00, 0x0A, 0xC3, 0xA9, 0xFF, 0xE2, 0x80]

    func randomBytes(_ rng: inout SplitMix64, from alphabet: [UInt8], count: Int) -> [UInt8] {
        (0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
    }

    @Test(arguments: 0..<200) func jsonLineParserNeverTraps(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        var bytes = randomBytes(&rng, from: Self.jsonAlphabet, count: Int(rng.next() % 80))
        if seed % 3 == 0 { bytes = Array(#"{"id": "x", "text": ""#.utf8) + bytes }
        let outcome = bytes.withUnsafeBufferPointer { line -> Bool in
            do {
                _ = try JSONLineParser.members(of: line)
                return true
            } catch let failure as JSONLineParser.Failure {
                return failure.offset >= 0 && failure.offset <= line.count
            } catch {
                return false
            }
        }
        #expect(outcome)
    }

    @Test(arguments: 0..<200) func csvScannerNeverTraps(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let bytes = randomBytes(&rng, from: Array("ab,\"\n\r x".utf8), count: Int(rng.next() % 60))
        var scanner = CSVRecordScanner()
        var lastLine = 0
        func check(_ outcome: CSVRecordScanner.Outcome) {
            switch outcome {
            case .record(_, let line, let last), .malformed(_, let line, let last):
                #expect(line >= lastLine && last >= line)
                lastLine = last
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let end = min(buffer.count, offset + 1 + Int(rng.next() % 7))
                try? scanner.scan(UnsafeBufferPointer(rebasing: buffer[offset..<end]), check)
                offset = end
            }
        }
        try? scanner.finish(check)
        #expect(lastLine <= bytes.filter { $0 == 0x0A }.count + 1)
    }

    @Test(arguments: 0..<200) func utf8ValidationAgreesWithTheStandardLibrary(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let alphabet: [UInt8] = [0x41, 0x20, 0x7F, 0x80, 0xBF, 0xC2, 0xC0, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x90, 0x8F]
        let bytes = randomBytes(&rng, from: alphabet, count: Int(rng.next() % 24))
        let ours = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
        #expect((ours == nil) == (String(validating: bytes, as: UTF8.self) != nil))
        if let offset = ours {
            #expect(String(validating: Array(bytes[..<offset]), as: UTF8.self) != nil)
        }
    }

    /// Any valid Unicode text diffs without trapping, losslessly.
    @Test(arguments: 0..<100) func diffsOfArbitraryUnicodeRebuildTheNewText(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        func text() -> String {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 200) {
                let value = UInt32(rng.next() % 0x11_0000)
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
                if rng.next() % 4 == 0 { scalars.append(" ") }
                if rng.next() % 9 == 0 { scalars.append(contentsOf: ". \n\n".unicodeScalars) }
            }
            return String(scalars)
        }
        let old = text(), new = text()
        let diff = VersionDiff(old: old, new: new)
        #expect(diff.editScript().apply(to: diff.old.bytes) == diff.new.bytes)
        let sketch = try DocumentSketcher(permutations: 16).sketch(old)
        #expect(sketch.signature.count == 16)
    }
}
