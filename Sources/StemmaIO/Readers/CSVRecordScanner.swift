import Foundation

/// Finds RFC 4180 records in a byte stream: comma-separated fields, `"`-quoted fields that may hold
/// commas, newlines and doubled quotes, and `\n`, `\r\n` or `\r` record ends.
///
/// Hand-written rather than a CSV package because records must stream out of gzip-compressed
/// input chunk by chunk, which the packages on hand do not do.
///
/// The bytes are pushed in as they are read, in pieces of any size, and the scanner keeps its
/// whole state between pieces, so that the records found never depend on where the reads cut the
/// input. It used to rescan a record from its start after every 1 MiB chunk, which is quadratic
/// (issue 11): on a generated 100 MB single-record CSV, reading it took 109 s before and 1.7 s
/// after (release build of StemmaIO reading through `CorpusReader`, on a shared 2-core machine;
/// the issue measured 34 s before on a quieter one). A malformed line whose end lay past the
/// chunk was also cut there, and its tail read as a phantom record.
struct CSVRecordScanner {
    enum Outcome {
        /// A whole record: its fields and the lines it spans.
        case record([[UInt8]], line: Int, lastLine: Int)
        /// A malformed or over-long record, skipped: why, and the lines it spans (all that it
        /// swallowed, so that nothing goes missing without a word).
        case malformed(ReadError.Reason, line: Int, lastLine: Int)
    }

    private enum State {
        case fieldStart, unquoted, quoted
        /// A quote inside a quoted field: a doubled quote, or the field's end.
        case quoteInQuoted
        /// Skipping to the end of a malformed line.
        case malformed(String)
    }

    let maximumRecordBytes: Int
    private var state = State.fieldStart
    private var fields: [[UInt8]] = []
    private var field: [UInt8] = []
    /// The line being read: one more than the newlines so far.
    private var line = 1
    private var recordLine = 1
    /// Whether the record has begun (an empty line is a record of one empty field).
    private var inRecord = false
    /// A record just ended at `\r`: a `\n` next is part of its end.
    private var afterCR = false
    private var recordBytes = 0
    /// The record passed ``maximumRecordBytes``: its fields are no longer kept.
    private var oversized = false
    private var lastByte: UInt8 = 0

    init(maximumRecordBytes: Int = .max) {
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// Scans the next piece of the input, calling `emit` with every record it ends.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (Outcome) throws -> Void) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        lastByte = bytes[bytes.count - 1]
        var index = 0
        let total = bytes.count
        while index < total {
            let byte = bytes[index]
            if afterCR {
                afterCR = false
                if byte == 0x0A {
                    line += 1
                    recordLine = line
                    index += 1
                    continue
                }
            }
            switch state {
            case .fieldStart, .unquoted:
                if case .fieldStart = state, byte == UInt8(ascii: "\"") {
                    inRecord = true
                    state = .quoted
                    tally(1)
                    index += 1
                    continue
                }
                // A run of plain bytes, then a comma or a record end.
                var end = index
                while end < total, bytes[end] != UInt8(ascii: ","), bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                if end > index {
                    inRecord = true
                    state = .unquoted
                    append(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                }
                guard index < total else { break }
                if bytes[index] == UInt8(ascii: ",") {
                    inRecord = true
                    endField()
                    tally(1)
                    index += 1
                } else {
                    index = try endRecord(at: index, in: bytes, emit)
                }
            case .quoted:
                let rest = total - index
                let quote = memchr(base + index, Int32(UInt8(ascii: "\"")), rest)
                    .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                let end = quote ?? total
                let run = UnsafeBufferPointer(rebasing: bytes[index..<end])
                line += Self.newlines(in: run)
                append(run)
                index = end
                if quote != nil {
                    state = .quoteInQuoted
                    tally(1)
                    index += 1
                }
            case .quoteInQuoted:
                switch byte {
                case UInt8(ascii: "\""):
                    append(UnsafeBufferPointer(rebasing: bytes[index..<(index + 1)]))
                    state = .quoted
                    index += 1
                case UInt8(ascii: ","):
                    endField()
                    tally(1)
                    index += 1
                case 0x0A, 0x0D:
                    index = try endRecord(at: index, in: bytes, emit)
                default:
                    state = .malformed("text after a closing quote")
                }
            case .malformed(let reason):
                guard let newline = memchr(base + index, 0x0A, total - index) else {
                    index = total
                    break
                }
                let lastLine = line
                line += 1
                try emit(skipped(reason, lastLine: lastLine))
                startRecord()
                index = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
            }
        }
    }

    /// Ends the input: emits the last record, if it has no newline, or reports it unterminated.
    mutating func finish(_ emit: (Outcome) throws -> Void) throws {
        let lastLine = lastByte == 0x0A ? line - 1 : line
        switch state {
        case .quoted:
            try emit(skipped("unterminated quoted field", lastLine: lastLine))
        case .malformed(let reason):
            try emit(skipped(reason, lastLine: lastLine))
        case .fieldStart, .unquoted, .quoteInQuoted:
            guard inRecord else { break }
            endField()
            try emit(finished(lastLine: lastLine))
        }
        startRecord()
    }

    /// Ends the record at the `\n` or `\r` at `index`; returns the offset after it.
    private mutating func endRecord(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, _ emit: (Outcome) throws -> Void) throws -> Int {
        endField()
        try emit(finished(lastLine: line))
        if bytes[index] == 0x0A { line += 1 } else { afterCR = true }
        startRecord()
        return index + 1
    }

    /// The record just ended: its fields, or the limit it passed.
    private func finished(lastLine: Int) -> Outcome {
        oversized ? skipped("", lastLine: lastLine) : .record(fields, line: recordLine, lastLine: lastLine)
    }

    /// A skipped record: why, unless it passed the limit, which is then the reason.
    private func skipped(_ reason: String, lastLine: Int) -> Outcome {
        .malformed(oversized ? .tooLarge(maximumRecordBytes) : .malformed(reason), line: recordLine, lastLine: lastLine)
    }

    private mutating func startRecord() {
        state = .fieldStart
        fields.removeAll()
        field.removeAll()
        recordLine = line
        inRecord = false
        recordBytes = 0
        oversized = false
    }

    private mutating func endField() {
        if !oversized { fields.append(field) }
        field = []
        state = .fieldStart
    }

    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        tally(run.count)
        if !oversized { field.append(contentsOf: run) }
    }

    /// Counts bytes of the record against the limit; past it, what is held is let go.
    private mutating func tally(_ bytes: Int) {
        recordBytes += bytes
        if recordBytes > maximumRecordBytes && !oversized {
            oversized = true
            fields = []
            field = []
        }
    }

    static func newlines(in run: UnsafeBufferPointer<UInt8>) -> Int {
        guard var pointer = UnsafeRawPointer(run.baseAddress) else { return 0 }
        let end = pointer + run.count
        var found = 0
        while pointer < end, let newline = memchr(pointer, 0x0A, end - pointer) {
            found += 1
            pointer = UnsafeRawPointer(newline) + 1
        }
        return found
    }
}
