/// What reading an archive yields, in file order.
enum ArchiveEvent {
    case record(ArchiveRecord)
    case problem(ArchiveProblem)
}

/// Splits an archive's content into records, WARC or ARC, and turns the wanted ones into
/// ``ArchiveRecord``s: the engine behind ``ArchiveReader``.
///
/// Each step reads one record (or one stretch of damage) and queues what it found, so that damage
/// met while resynchronising is reported in its place. Every step consumes at least one byte or
/// ends the file, so no input makes it loop.
final class ArchiveRecordScanner {
    enum Format { case warc, arc }

    let stream: ArchiveByteStream
    let options: ArchiveOptions
    let decoder = ArchivePayloadDecoder()
    /// Counts by ``ArchiveSkipReason``, in `allCases` order: an array, as hashing a key per
    /// skipped record cost 2% of a read.
    private var skipCounts = [Int](repeating: 0, count: ArchiveSkipReason.allCases.count)
    var skipped: [ArchiveSkipReason: Int] {
        var counts: [ArchiveSkipReason: Int] = [:]
        for (reason, count) in zip(ArchiveSkipReason.allCases, skipCounts) where count > 0 { counts[reason] = count }
        return counts
    }
    var format: Format?
    /// Set after gzip damage: the bytes that follow, up to the next sound record, are the
    /// damage's remains and not reported again.
    var afterDamage = false
    var finished = false
    /// The ARC version from the `filedesc://` block (1 or 2), which decides how header lines
    /// are split first.
    var arcVersion = 1
    /// What the steps found, not yet returned, each problem with the content offset it is about
    /// (`nil` for gzip damage).
    private var events: [(event: ArchiveEvent, position: Int64?)] = []
    private var eventHead = 0
    /// Problems found in gzip members not yet verified, held back: if the member proves damaged,
    /// its damage is what is reported, once, and these were its symptoms.
    private var held: [(problem: ArchiveProblem, position: Int64)] = []
    private var heldHead = 0

    /// A WARC header longer than this is taken for garbage; real ones are under 2 KB.
    static let maxHeaderBytes = 1 << 18
    /// An ARC header line longer than this is taken for garbage.
    static let maxARCLineBytes = 1 << 16

    init(stream: ArchiveByteStream, options: ArchiveOptions) {
        self.stream = stream
        self.options = options
    }

    /// The next record or problem, or `nil` at the end of the file.
    ///
    /// - Throws: ``ArchiveProblem`` when the file cannot be read.
    func next() throws -> ArchiveEvent? {
        while true {
            if heldHead < held.count, finished && eventHead == events.count || held[heldHead].position < stream.soundContentEnd {
                heldHead += 1
                return .problem(held[heldHead - 1].problem)
            }
            if eventHead < events.count {
                let (event, position) = events[eventHead]
                eventHead += 1
                guard case .problem(let problem) = event else { return event }
                if let position {
                    guard position < stream.soundContentEnd else {
                        held.append((problem, position))
                        continue
                    }
                } else {
                    held.removeAll(keepingCapacity: true)
                    heldHead = 0
                }
                return event
            }
            if heldHead == held.count, heldHead > 0 {
                held.removeAll(keepingCapacity: true)
                heldHead = 0
            }
            if finished {
                guard heldHead < held.count else { return nil }
                continue
            }
            events.removeAll(keepingCapacity: true)
            eventHead = 0
            switch format {
            case .warc: try warcStep()
            case .arc: try arcStep()
            case nil: try detectFormat()
            }
        }
    }

    func emit(_ record: ArchiveRecord) {
        events.append((.record(record), nil))
    }

    /// Reports damage to the record that starts at content offset `start`.
    /// Whether the record starting at `start` is buffered whole (`count` bytes); when the file
    /// ends first it is reported as truncated (`what` names its length field) and dropped.
    func ensureWhole(start: Int64, count: Int, truncated what: String) throws -> Bool {
        let fill = try stream.ensure(count)
        guard fill == .ok else {
            if fill == .end { report(at: start, "truncated record: \(what) runs past the end of the file") }
            stream.discardBuffered()
            absorb(fill)
            return false
        }
        return true
    }

    /// A record header the file (or a damaged gzip member) cut short: reported when the file ends
    /// there, unless the damage before it was reported already, and dropped.
    func dropCutHeader(at start: Int64, _ fill: ArchiveByteStream.Fill, afterDamage: Bool) {
        if fill == .end, !afterDamage { report(at: start, "truncated record header: the file ends inside it") }
        stream.discardBuffered()
        absorb(fill)
    }

    func report(at start: Int64, _ message: String) {
        events.append((.problem(ArchiveProblem(offset: stream.fileOffset(of: start), message: message)), start))
    }

    func count(_ reason: ArchiveSkipReason) {
        skipCounts[reason.ordinal] += 1
    }

    /// Handles a fill that was not `.ok`: damage is reported and the record it cut is dropped.
    func absorb(_ fill: ArchiveByteStream.Fill) {
        switch fill {
        case .ok: break
        case .end: finished = true
        case .damaged(let problem):
            events.append((.problem(problem), nil))
            stream.discardBuffered()
            afterDamage = true
        }
    }

    /// Consumes CRs and LFs, which writers put between records in varying numbers.
    ///
    /// - Returns: `false` at the end of the file.
    func skipSeparators() throws -> Bool {
        while true {
            let bytes = stream.bytes
            let available = stream.available
            var index = 0
            while index < available, bytes[index] == ArchiveBytes.cr || bytes[index] == ArchiveBytes.lf { index += 1 }
            stream.consume(index)
            if stream.available > 0 { return true }
            let fill = try stream.ensure(1)
            if fill == .end {
                finished = true
                return false
            }
            absorb(fill)
        }
    }

    enum Search {
        case found(Int)
        case tooLong
        /// The file ended, or damage cut the bytes searched (already reported).
        case cut(ArchiveByteStream.Fill)
    }

    /// Searches the unconsumed bytes with `finder`, reading more until it finds, `limit` bytes
    /// are searched, or the file ends. `finder` gets the bytes, a start and an end, and returns a
    /// position; it is called again from `overlap` bytes before the old end after each read.
    func search(limit: Int, overlap: Int, _ finder: (UnsafePointer<UInt8>, Int, Int) -> Int?) throws -> Search {
        var from = 0
        while true {
            if let found = finder(stream.bytes, from, stream.available) { return .found(found) }
            guard stream.available < limit else { return .tooLong }
            from = max(0, stream.available - overlap)
            let fill = try stream.ensure(stream.available + 1)
            guard fill == .ok else { return .cut(fill) }
        }
    }

    /// The end of the line starting at the unconsumed bytes: the index of its LF.
    func lineEnd(limit: Int) throws -> Search {
        try search(limit: limit, overlap: 0) { bytes, from, to in ArchiveBytes.find(ArchiveBytes.lf, in: bytes, from: from, to: to) }
    }

    /// Decides WARC or ARC from the first line: `filedesc://` or a line shaped like an ARC
    /// header means ARC; anything else is read as WARC (which reports it if it is not).
    private func detectFormat() throws {
        guard try skipSeparators() else { return }
        let fill = try stream.ensure(9)
        if case .damaged = fill {
            absorb(fill)
            return
        }
        let bytes = stream.bytes
        let available = stream.available
        if ArchiveBytes.hasPrefixIgnoringCase(bytes, available, "warc/") {
            format = .warc
        } else if ArchiveBytes.hasPrefixIgnoringCase(bytes, available, "filedesc:") {
            format = .arc
        } else {
            switch try lineEnd(limit: 4096) {
            case .found(let end):
                format = ARCHeader(stream.bytes, count: end, version: 1) != nil ? .arc : .warc
            case .cut(let fill):
                if case .damaged = fill { absorb(fill) }
                format = .warc
            case .tooLong:
                format = .warc
            }
        }
    }
}
