import Foundation

/// ARC records: a header line, `length` bytes of content (an HTTP response for `http:` URLs),
/// and a newline. The first record, `filedesc://...`, is the file's version block.
extension ArchiveRecordScanner {
    func arcStep() throws {
        guard try skipSeparators() else { return }
        let start = stream.position
        stream.forgetMembers(before: start)
        let lineEnd: Int
        switch try self.lineEnd(limit: Self.maxARCLineBytes) {
        case .found(let end):
            lineEnd = end
        case .tooLong:
            if !afterDamage { report(at: start, "bad arc record header: a line longer than \(Self.maxARCLineBytes) bytes") }
            try resynchroniseARC()
            return
        case .cut(let fill):
            dropCutHeader(at: start, fill, afterDamage: afterDamage)
            return
        }
        guard let header = ARCHeader(stream.bytes, count: lineEnd, version: arcVersion) else {
            if !afterDamage {
                let line = ArchiveBytes.string(stream.bytes, 0..<min(lineEnd, 80))
                report(at: start, "bad arc record header: \"\(line.trimmingCharacters(in: .whitespacesAndNewlines))\"")
            }
            stream.consume(lineEnd + 1)
            try resynchroniseARC()
            return
        }
        afterDamage = false
        let headerLength = lineEnd + 1
        let length = header.length
        let url = ArchiveBytes.string(stream.bytes, header.url)
        let lowerURL = url.prefix(9).lowercased()
        if lowerURL.hasPrefix("filedesc:") {
            try readVersionBlock(start: start, headerLength: headerLength, length: length)
            return
        }
        guard lowerURL.hasPrefix("http://") || lowerURL.hasPrefix("https://") else {
            try skipContent(start: start, headerLength: headerLength, length: length, counting: .nonHTTP)
            return
        }
        guard length <= Int64(options.maxRecordBytes) else {
            report(at: start, "record too large: length \(length) exceeds the limit of \(options.maxRecordBytes) bytes")
            try skipContent(start: start, headerLength: headerLength, length: length, counting: nil, reportingEnd: false)
            return
        }
        let contentLength = Int(length)
        guard try ensureWhole(start: start, count: headerLength + contentLength, truncated: "length \(length)") else { return }
        let bytes = UnsafePointer(stream.bytes)
        let content = UnsafeBufferPointer(start: bytes + headerLength, count: contentLength)
        switch ArchiveHTTPResponse.parse(content, requireHTTP: true, decoder: decoder, limit: options.maxRecordBytes) {
        case .payload(let status, let contentType, let body):
            let arcType = ArchiveBytes.string(bytes, header.contentType)
            emit(ArchiveRecord(type: .response, targetURI: url,
                               date: ARCHeader.isoDate(ArchiveBytes.string(bytes, header.date)), recordID: nil,
                               httpStatus: status, contentType: contentType ?? (arcType == "-" ? nil : arcType),
                               payload: body, offset: stream.fileOffset(of: start)))
        case .skipped(let reason):
            count(reason)
        case .problem(let message):
            report(at: start, message)
        }
        stream.consume(headerLength + contentLength)
    }

    /// The `filedesc://` block, whose first line gives the ARC version (`1 0 ...` or `2 0 ...`).
    private func readVersionBlock(start: Int64, headerLength: Int, length: Int64) throws {
        guard length <= 1 << 16 else {
            try skipContent(start: start, headerLength: headerLength, length: length, counting: .arcVersionBlock)
            return
        }
        let fill = try stream.ensure(headerLength + Int(length))
        guard fill == .ok else {
            if fill == .end { report(at: start, "truncated record: length \(length) runs past the end of the file") }
            stream.discardBuffered()
            absorb(fill)
            return
        }
        if length > 0, stream.bytes[headerLength] == 0x32 { arcVersion = 2 }
        stream.consume(headerLength + Int(length))
        count(.arcVersionBlock)
    }

    private func skipContent(start: Int64, headerLength: Int, length: Int64, counting reason: ArchiveSkipReason?,
                             reportingEnd: Bool = true) throws {
        stream.consume(headerLength)
        let fill = try stream.skip(length)
        switch fill {
        case .ok:
            if let reason { count(reason) }
        case .end:
            if reportingEnd { report(at: start, "truncated record: length \(length) runs past the end of the file") }
            finished = true
        case .damaged:
            absorb(fill)
        }
    }

    /// Passes over lines up to the next one shaped like an ARC header.
    func resynchroniseARC() throws {
        while true {
            guard try skipSeparators() else { return }
            switch try lineEnd(limit: Self.maxARCLineBytes) {
            case .found(let end):
                if ARCHeader(stream.bytes, count: end, version: arcVersion) != nil { return }
                stream.consume(end + 1)
            case .tooLong:
                stream.consume(stream.available)
            case .cut(let fill):
                if fill == .end { stream.discardBuffered() }
                absorb(fill)
                return
            }
        }
    }
}
