/// WARC records (ISO 28500:2017, WARC 1.1; 1.0 read alike): a version line, named fields up to a
/// blank line, `Content-Length` bytes of block, and two CRLFs.
extension ArchiveRecordScanner {
    /// The fields a reader of documents needs, as ranges into the header bytes: the rest are
    /// passed over by comparing name lengths, without making strings.
    struct WARCHeader {
        var type: Range<Int>?
        var length: Range<Int>?
        var targetURI: Range<Int>?
        var date: Range<Int>?
        var recordID: Range<Int>?
        var contentType: Range<Int>?
    }

    static let warcVersionPrefix: [UInt8] = Array("\nWARC/1.".utf8)

    func warcStep() throws {
        guard try skipSeparators() else { return }
        let start = stream.position
        stream.forgetMembers(before: start)
        guard let opensRecord = try startsWithWARCVersion() else { return }
        guard opensRecord else {
            try garbage(at: start)
            return
        }
        let headerLength: Int
        switch try search(limit: Self.maxHeaderBytes, overlap: 3, Self.blankLine) {
        case .found(let end):
            headerLength = end
        case .tooLong:
            report(at: start, "record header longer than \(Self.maxHeaderBytes) bytes")
            try resynchroniseWARC(checkingStart: false)
            return
        case .cut(let fill):
            dropCutHeader(at: start, fill, afterDamage: afterDamage)
            return
        }
        let header = Self.parseHeader(stream.bytes, count: headerLength)
        afterDamage = false
        guard let lengthRange = header.length else {
            report(at: start, "missing Content-Length")
            stream.consume(headerLength)
            try resynchroniseWARC(checkingStart: true)
            return
        }
        guard let length = ArchiveBytes.decimal(stream.bytes, lengthRange) else {
            let shown = String(ArchiveBytes.string(stream.bytes, lengthRange).prefix(40))
            report(at: start, "bad Content-Length \"\(shown)\"")
            stream.consume(headerLength)
            try resynchroniseWARC(checkingStart: true)
            return
        }
        let kind = header.type.map { Self.recordKind(stream.bytes, $0) } ?? .skip(.otherType)
        guard case .keep(let type) = kind else {
            stream.consume(headerLength)
            let fill = try stream.skip(length)
            switch fill {
            case .ok:
                if case .skip(let reason) = kind { count(reason) }
            case .end:
                report(at: start, "truncated record: Content-Length \(length) runs past the end of the file")
                finished = true
            case .damaged:
                absorb(fill)
            }
            return
        }
        guard length <= Int64(options.maxRecordBytes) else {
            report(at: start, "record too large: Content-Length \(length) exceeds the limit of \(options.maxRecordBytes) bytes")
            stream.consume(headerLength)
            let fill = try stream.skip(length)
            if case .damaged = fill { absorb(fill) }
            return
        }
        let blockLength = Int(length)
        guard try ensureWhole(start: start, count: headerLength + blockLength, truncated: "Content-Length \(length)") else { return }
        deliver(type, header, start: start, headerLength: headerLength, blockLength: blockLength)
        stream.consume(headerLength + blockLength)
    }

    /// Turns a complete record in the window into an event.
    private func deliver(_ type: ArchiveRecordType, _ header: WARCHeader, start: Int64, headerLength: Int, blockLength: Int) {
        let bytes = UnsafePointer(stream.bytes)
        let block = UnsafeBufferPointer(start: bytes + headerLength, count: blockLength)
        var record = ArchiveRecord(type: type, targetURI: nil, date: nil, recordID: nil, httpStatus: nil,
                                   contentType: nil, payload: [], offset: stream.fileOffset(of: start))
        let declaredType = header.contentType.map { ArchiveBytes.string(bytes, $0) }
        if type == .response {
            let isHTTP = declaredType.map { $0.lowercased().contains("application/http") } ?? false
            switch ArchiveHTTPResponse.parse(block, requireHTTP: isHTTP, decoder: decoder, limit: options.maxRecordBytes) {
            case .payload(let status, let contentType, let body):
                record.httpStatus = status
                record.contentType = contentType
                record.payload = body
            case .skipped(let reason):
                count(reason)
                return
            case .problem(let message):
                report(at: start, message)
                return
            }
        } else {
            record.contentType = declaredType
            record.payload = Array(block)
        }
        record.targetURI = header.targetURI.map { Self.unbracketed(ArchiveBytes.string(bytes, $0)) }
        record.date = header.date.map { ArchiveBytes.string(bytes, $0) }
        record.recordID = header.recordID.map { ArchiveBytes.string(bytes, $0) }
        emit(record)
    }

    /// Whether the unconsumed bytes open with `WARC/1.`, or `nil` when there is nothing to look
    /// at: the file ended, or damage came (and was reported).
    private func startsWithWARCVersion() throws -> Bool? {
        let fill = try stream.ensure(7)
        if case .damaged = fill {
            absorb(fill)
            return nil
        }
        if fill == .end, stream.available == 0 {
            finished = true
            return nil
        }
        return ArchiveBytes.hasPrefixIgnoringCase(stream.bytes, stream.available, "warc/1.")
    }

    /// Bytes where a record should start: reported (unless they are a broken member's remains),
    /// then passed over to the next `WARC/1.` line.
    private func garbage(at start: Int64) throws {
        if !afterDamage {
            report(at: start, "garbage where a record should start: expected a WARC/1.0 or WARC/1.1 version line")
        }
        try resynchroniseWARC(checkingStart: false)
    }

    /// Passes over bytes to the start of the next line that opens `WARC/1.`.
    ///
    /// - Parameter checkingStart: whether the unconsumed bytes may themselves open a record (after
    ///   a header whose length was unusable); otherwise at least one byte is consumed first.
    func resynchroniseWARC(checkingStart: Bool) throws {
        if checkingStart {
            guard try skipSeparators() else { return }
            guard let opensRecord = try startsWithWARCVersion(), !opensRecord else { return }
        }
        if stream.available > 0 { stream.consume(1) }
        let pattern = Self.warcVersionPrefix
        while true {
            if let hit = ArchiveBytes.find(pattern, in: stream.bytes, from: 0, to: stream.available) {
                stream.consume(hit + 1)
                return
            }
            stream.consume(max(0, stream.available - (pattern.count - 1)))
            let fill = try stream.ensure(stream.available + 1)
            guard fill == .ok else {
                if fill == .end { stream.discardBuffered() }
                absorb(fill)
                return
            }
        }
    }

    /// The offset just past the blank line that ends a header (CRLF CRLF, or bare LFs).
    static func blankLine(_ bytes: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var index = from
        while let lf = ArchiveBytes.find(ArchiveBytes.lf, in: bytes, from: index, to: to) {
            guard lf + 1 < to else { return nil }
            if bytes[lf + 1] == ArchiveBytes.lf { return lf + 2 }
            if bytes[lf + 1] == ArchiveBytes.cr {
                guard lf + 2 < to else { return nil }
                if bytes[lf + 2] == ArchiveBytes.lf { return lf + 3 }
            }
            index = lf + 1
        }
        return nil
    }

    /// Finds the wanted fields in the header `bytes[0..<count]`, version line included.
    static func parseHeader(_ bytes: UnsafePointer<UInt8>, count: Int) -> WARCHeader {
        var header = WARCHeader()
        var lineStart = (ArchiveBytes.find(ArchiveBytes.lf, in: bytes, from: 0, to: count) ?? count) + 1
        while lineStart < count {
            let lineEnd = ArchiveBytes.find(ArchiveBytes.lf, in: bytes, from: lineStart, to: count) ?? count
            defer { lineStart = lineEnd + 1 }
            guard let colon = ArchiveBytes.find(0x3A, in: bytes, from: lineStart, to: lineEnd) else { continue }
            let name = ArchiveBytes.trimmed(bytes, from: lineStart, to: colon)
            let start = bytes + name.lowerBound
            let value = ArchiveBytes.trimmed(bytes, from: colon + 1, to: lineEnd)
            switch name.count {
            case 9:
                if ArchiveBytes.equalsIgnoringCase(start, 9, "warc-type") {
                    header.type = value
                } else if ArchiveBytes.equalsIgnoringCase(start, 9, "warc-date") {
                    header.date = value
                }
            case 12 where ArchiveBytes.equalsIgnoringCase(start, 12, "content-type"):
                header.contentType = value
            case 14:
                if ArchiveBytes.equalsIgnoringCase(start, 14, "content-length") {
                    header.length = value
                } else if ArchiveBytes.equalsIgnoringCase(start, 14, "warc-record-id") {
                    header.recordID = value
                }
            case 15 where ArchiveBytes.equalsIgnoringCase(start, 15, "warc-target-uri"):
                header.targetURI = value
            default:
                break
            }
        }
        return header
    }

    enum RecordKind {
        case keep(ArchiveRecordType)
        case skip(ArchiveSkipReason)
    }

    static func recordKind(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>) -> RecordKind {
        let start = bytes + range.lowerBound
        let count = range.count
        if ArchiveBytes.equalsIgnoringCase(start, count, "response") { return .keep(.response) }
        if ArchiveBytes.equalsIgnoringCase(start, count, "resource") { return .keep(.resource) }
        if ArchiveBytes.equalsIgnoringCase(start, count, "conversion") { return .keep(.conversion) }
        if ArchiveBytes.equalsIgnoringCase(start, count, "request") { return .skip(.request) }
        if ArchiveBytes.equalsIgnoringCase(start, count, "metadata") { return .skip(.metadata) }
        if ArchiveBytes.equalsIgnoringCase(start, count, "warcinfo") { return .skip(.warcinfo) }
        if ArchiveBytes.equalsIgnoringCase(start, count, "revisit") { return .skip(.revisit) }
        if ArchiveBytes.equalsIgnoringCase(start, count, "continuation") { return .skip(.continuation) }
        return .skip(.otherType)
    }

    /// A URI without the angle brackets that wget and WARC 1.0's grammar put around it.
    static func unbracketed(_ uri: String) -> String {
        guard uri.hasPrefix("<"), uri.hasSuffix(">"), uri.count >= 2 else { return uri }
        return String(uri.dropFirst().dropLast())
    }
}
