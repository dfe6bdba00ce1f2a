import CZlib

/// zlib's streaming inflater, kept for a whole file and reset between gzip members and between
/// payloads, so that no record pays for a new stream's allocations.
///
/// The `z_stream` lives at a fixed address, as zlib requires, and never leaves this type.
final class ArchiveInflater {
    /// How one call ended.
    enum Status: Equatable {
        /// Progress was made; call again with more input or output room.
        case progress
        /// The end of the compressed stream (a gzip member's trailer) was reached.
        case streamEnd
        /// No progress is possible with this input (it ended mid-stream).
        case stalled
        /// The data is not valid for the format: zlib's message.
        case damaged(String)
    }

    /// The format to expect, as zlib's `windowBits`.
    enum Format: Int32 {
        case gzip = 31  // 15 + 16: gzip header and trailer only
        case gzipOrZlib = 47  // 15 + 32: either header, detected
        case raw = -15
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private var ready: Bool
    private var format: Format

    init(format: Format) {
        self.format = format
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        ready = inflateInit2_(stream, format.rawValue, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if ready { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Starts a new stream, as `inflateReset` does: the next member, or the next payload.
    func reset(format newFormat: Format? = nil) {
        guard ready else { return }
        if let newFormat, newFormat != format {
            format = newFormat
            ready = inflateReset2(stream, newFormat.rawValue) == Z_OK
        } else {
            ready = inflateReset(stream) == Z_OK
        }
    }

    /// Inflates from `input` into `output`.
    ///
    /// - Returns: how many bytes were consumed and produced, and how the call ended.
    func inflate(_ input: UnsafePointer<UInt8>, count inputCount: Int,
                 into output: UnsafeMutablePointer<UInt8>, capacity: Int) -> (consumed: Int, produced: Int, status: Status) {
        guard ready else { return (0, 0, .damaged("zlib could not be initialised")) }
        let inCount = min(inputCount, Int(UInt32.max))
        let outCount = min(capacity, Int(UInt32.max))
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input)
        stream.pointee.avail_in = UInt32(inCount)
        stream.pointee.next_out = output
        stream.pointee.avail_out = UInt32(outCount)
        let code = CZlib.inflate(stream, Z_NO_FLUSH)
        let consumed = inCount - Int(stream.pointee.avail_in)
        let produced = outCount - Int(stream.pointee.avail_out)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        switch code {
        case Z_STREAM_END:
            return (consumed, produced, .streamEnd)
        case Z_OK:
            return (consumed, produced, .progress)
        case Z_BUF_ERROR:
            return (consumed, produced, consumed > 0 || produced > 0 ? .progress : .stalled)
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
            return (consumed, produced, .damaged(message))
        }
    }
}
