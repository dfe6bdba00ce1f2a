/// Finds RFC 4180 records in a byte buffer: comma-separated fields, `"`-quoted fields that may hold
/// commas, newlines and doubled quotes, and `\n` or `\r\n` record ends.
///
/// Hand-written rather than a CSV package because records must stream out of gzip-compressed
/// input chunk by chunk, which the packages on hand do not do.
enum CSVRecordScanner {
    enum Outcome {
        /// A whole record: its fields and the offset after it.
        case record([[UInt8]], end: Int)
        /// The record continues past the buffer; read more (or, at the end, it is unterminated).
        case incomplete
        /// A malformed record: the reason and the offset after the line it ends on.
        case malformed(String, end: Int)
    }

    /// Scans the record starting at `start`; `isFinal` says no more bytes will come.
    static func record(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool) -> Outcome {
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var index = start
        var quoted = false
        var fieldStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    if index + 1 == bytes.count && !isFinal { return .incomplete }
                    quoted = false
                    index += 1
                    if index < bytes.count, ![UInt8(ascii: ","), 0x0A, 0x0D].contains(bytes[index]) {
                        return .malformed("text after a closing quote", end: lineEnd(in: bytes, from: index))
                    }
                    continue
                }
                field.append(byte)
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where fieldStart:
                quoted = true
                fieldStart = false
                index += 1
            case UInt8(ascii: ","):
                fields.append(field)
                field.removeAll(keepingCapacity: true)
                fieldStart = true
                index += 1
            case 0x0A, 0x0D:
                if byte == 0x0D, index + 1 == bytes.count, !isFinal { return .incomplete }
                fields.append(field)
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                return .record(fields, end: index)
            default:
                field.append(byte)
                fieldStart = false
                index += 1
            }
        }
        guard isFinal else { return .incomplete }
        if quoted { return .malformed("unterminated quoted field", end: bytes.count) }
        if index == start { return .incomplete }
        fields.append(field)
        return .record(fields, end: index)
    }

    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return min(bytes.count, index + 1)
    }
}
