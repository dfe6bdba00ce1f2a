/// Undoes a payload's `Content-Encoding` (gzip, x-gzip, deflate) with a bound on the output.
///
/// One inflater and one output buffer serve every record of a file. The bound makes a
/// compression bomb (1 MB of zeros that inflates to 1 GB) stop at the limit with a report.
final class ArchivePayloadDecoder {
    enum Outcome {
        case decoded([UInt8])
        /// An encoding the reader does not decode (`br`, `zstd`, `compress`).
        case unsupported
        case failed(String)
    }

    private let inflater = ArchiveInflater(format: .gzip)
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity: Int

    init() {
        scratchCapacity = 1 << 16
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit { scratch.deallocate() }

    /// Decodes `input` from `coding` (a lower-case content-coding token).
    ///
    /// A body declared gzip that does not start with the gzip magic bytes was stored decoded
    /// (crawlers do so) and is returned as it is. A stream that ends early keeps what it decoded:
    /// a payload cut at a crawler's size limit is still most of a page.
    func decode(_ input: UnsafeBufferPointer<UInt8>, coding: String, limit: Int) -> Outcome {
        switch coding {
        case "gzip", "x-gzip":
            guard input.count >= 2, input[0] == 0x1F, input[1] == 0x8B else { return .decoded(Array(input)) }
            return inflate(input, format: .gzip, name: coding, limit: limit)
        case "deflate":
            // RFC 9110 says zlib format, but many servers send raw deflate.
            let isZlib = input.count >= 2 && input[0] & 0x0F == 8 && (Int(input[0]) << 8 | Int(input[1])) % 31 == 0
            if isZlib { return inflate(input, format: .gzipOrZlib, name: coding, limit: limit) }
            if let first = input.first, first == 0x3C || first == 0x20 || first == 0x0A || first == 0x0D {
                return .decoded(Array(input))  // markup or text: stored decoded
            }
            return inflate(input, format: .raw, name: coding, limit: limit)
        case "identity", "":
            return .decoded(Array(input))
        default:
            return .unsupported
        }
    }

    private func inflate(_ input: UnsafeBufferPointer<UInt8>, format: ArchiveInflater.Format, name: String, limit: Int) -> Outcome {
        guard let base = input.baseAddress else { return .decoded([]) }
        inflater.reset(format: format)
        var consumed = 0
        var produced = 0
        while true {
            if produced == scratchCapacity {
                guard scratchCapacity <= limit else { return .failed(tooLarge(name, limit)) }
                grow(to: min(scratchCapacity * 2, limit + 1))
            }
            let step = inflater.inflate(base + consumed, count: input.count - consumed,
                                        into: scratch + produced, capacity: scratchCapacity - produced)
            consumed += step.consumed
            produced += step.produced
            guard produced <= limit else { return .failed(tooLarge(name, limit)) }
            switch step.status {
            case .streamEnd, .stalled:
                return .decoded(Array(UnsafeBufferPointer(start: scratch, count: produced)))
            case .damaged(let message):
                return .failed("bad \(name) content encoding: \(message)")
            case .progress:
                if consumed == input.count && produced < scratchCapacity {
                    return .decoded(Array(UnsafeBufferPointer(start: scratch, count: produced)))
                }
            }
        }
    }

    private func tooLarge(_ name: String, _ limit: Int) -> String {
        "\(name) content encoding expands past the limit of \(limit) bytes"
    }

    private func grow(to capacity: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: scratch, count: scratchCapacity)
        scratch.deallocate()
        scratch = larger
        scratchCapacity = capacity
    }
}
