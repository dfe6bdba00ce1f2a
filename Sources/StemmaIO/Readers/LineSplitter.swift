/// Splits a byte stream into lines without holding more than one chunk and one line in memory.
struct LineSplitter {
    let stream: ByteStream
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next newline resumes: a 100 MB line is scanned once, not once per chunk.
    private var searched = 0
    private var atEnd = false
    private(set) var lineNumber = 0
    /// Bytes of the stream dropped from the front of `buffer`, to give lines absolute offsets.
    private var dropped = 0

    init(stream: ByteStream, prefix: [UInt8] = []) {
        self.stream = stream
        buffer = prefix
    }

    /// Calls `body` with the next line (without its `\n` or `\r\n`), its number and its byte offset in
    /// the stream; returns false at the end.
    mutating func next(_ body: (UnsafeBufferPointer<UInt8>, Int, Int) throws -> Void) throws -> Bool {
        while true {
            if let newline = buffer[max(start, searched)...].firstIndex(of: 0x0A) {
                lineNumber += 1
                let end = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end]), lineNumber, dropped + start) }
                start = newline + 1
                searched = start
                return true
            }
            if atEnd {
                guard start < buffer.count else { return false }
                lineNumber += 1
                try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start...]), lineNumber, dropped + start) }
                start = buffer.count
                return true
            }
            // Drop consumed lines before reading more, so memory follows the longest line.
            searched = buffer.count
            if start > 0 {
                buffer.removeSubrange(0..<start)
                searched -= start
                dropped += start
                start = 0
            }
            atEnd = !(try stream.read(into: &buffer))
        }
    }
}
