import CZlib

/// One gzip member (RFC 1952) of some bytes, compressed with zlib's deflate.
///
/// A `.warc.gz` holds one member per record, so that a reader can seek to a record's offset
/// and inflate it alone (which ``ArchiveRecord/offset`` reports for that purpose).
enum GzipMember {
    static func compressed(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // windowBits 31: 15 and 16 for a gzip header and trailer rather than zlib's.
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return stored(input) }
        defer { deflateEnd(&stream) }
        // The bound covers the gzip wrapper for a default header, so one call finishes; the
        // loop is for a zlib that counts otherwise.
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var produced = 0
        var input = input
        let finished = input.withUnsafeMutableBufferPointer { source -> Bool in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                if produced == output.count { output += [UInt8](repeating: 0, count: max(4_096, output.count / 2)) }
                let code = output.withUnsafeMutableBufferPointer { destination -> Int32 in
                    stream.next_out = destination.baseAddress.map { $0 + produced }
                    stream.avail_out = uInt(destination.count - produced)
                    let code = deflate(&stream, Z_FINISH)
                    produced = destination.count - Int(stream.avail_out)
                    return code
                }
                if code == Z_STREAM_END { return true }
                if code != Z_OK && code != Z_BUF_ERROR { return false }
            }
        }
        return finished ? Array(output[..<produced]) : stored(input)
    }

    /// The member with the bytes in stored deflate blocks: what is written should zlib fail to
    /// start, which it does only when out of memory.
    static func stored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var index = 0
        repeat {
            let count = min(65_535, bytes.count - index)
            let final: UInt8 = index + count == bytes.count ? 1 : 0
            out += [final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += bytes[index..<index + count]
            index += count
        } while index < bytes.count
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        let size = UInt32(truncatingIfNeeded: bytes.count)
        for value in [crc, size] { out += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        return out
    }
}
