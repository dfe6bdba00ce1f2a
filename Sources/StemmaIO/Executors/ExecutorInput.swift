/// The JSON Lines an executor command reads (`stemma verify`, `stemma align`, `stemma cluster`):
/// one object per line from a file or standard input, bad lines reported with their number and
/// skipped, blank lines passed over.
struct ExecutorInput {
    let path: String
    let maximumLineBytes: Int

    /// A line's members, keys in input order, the first of a repeated key kept.
    struct Line {
        let number: Int
        let members: [(key: String, value: JSONLineParser.Value)]

        func value(_ key: String) -> JSONLineParser.Value? { members.first { $0.key == key }?.value }

        /// A member's JSON text as written: a string keeps its quotes, escaped again.
        func json(_ key: String) -> [UInt8]? {
            switch value(key) {
            case .raw(let bytes): return bytes
            case .string(let bytes):
                var output: [UInt8] = []
                JSONValue.writeString(String(decoding: bytes, as: UTF8.self), to: &output)
                return output
            case nil: return nil
            }
        }

        func string(_ key: String) -> [UInt8]? {
            if case .string(let bytes) = value(key) { bytes } else { nil }
        }

        /// The integers of a member such as `[3, 9]` or `[[1, 2], [4, 5]]`, in order.
        func integers(_ key: String) -> [Int]? {
            guard case .raw(let bytes) = value(key), bytes.first == UInt8(ascii: "[") else { return nil }
            var values: [Int] = []
            var current: Int?
            var negative = false
            for byte in bytes {
                if byte >= 0x30 && byte <= 0x39 {
                    let (product, overflow) = (current ?? 0).multipliedReportingOverflow(by: 10)
                    guard !overflow else { return nil }
                    current = product + Int(byte - 0x30)
                } else {
                    if let value = current { values.append(negative ? -value : value) }
                    current = nil
                    negative = byte == UInt8(ascii: "-")
                    guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "-")
                        || byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D else { return nil }
                }
            }
            return values
        }

        func range(_ key: String) -> Range<Int>? {
            guard let values = integers(key), values.count == 2, values[0] >= 0, values[0] <= values[1] else { return nil }
            return values[0]..<values[1]
        }

        func integer(_ key: String) -> Int? {
            if case .raw(let bytes) = value(key) { Int(String(decoding: bytes, as: UTF8.self)) } else { nil }
        }
    }

    /// A line that is not what the command needs.
    struct Problem: Error {
        let reason: String
    }

    /// Calls `body` with each object line; a line that does not parse, or that `body` rejects with
    /// a ``Problem``, goes to `report` as a skipped record.
    func forEach(report: (CorpusIssue) throws -> Void, _ body: (Line) throws -> Void) throws {
        let stream = try ByteStream(path: path)
        var lines = LineSplitter(stream: stream, maximumLineBytes: maximumLineBytes)
        func skip(_ number: Int, _ reason: ReadError.Reason) throws {
            try report(CorpusIssue(error: ReadError(file: path, line: number, reason: reason), isSkipped: true))
        }
        while try lines.next({ bytes, number, _ in
            guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { return }
            let members: [(key: String, value: JSONLineParser.Value)]
            do throws(JSONLineParser.Failure) {
                members = try JSONLineParser.members(of: bytes)
            } catch {
                try skip(number, .malformed("invalid JSON at byte \(error.offset): \(error.reason)"))
                return
            }
            do {
                try body(Line(number: number, members: members))
            } catch let problem as Problem {
                try skip(number, .malformed(problem.reason))
            }
        }, tooLong: { number in
            try skip(number, .tooLarge(maximumLineBytes))
        }) {}
    }
}
