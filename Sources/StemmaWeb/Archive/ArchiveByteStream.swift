import Foundation

/// An archive's content, gunzipped if the file is gzip, streamed through a window of memory that
/// the parser reads in place.
///
/// Memory stays the size of the window, which grows only to hold the largest record the parser
/// asks to keep (at most ``ArchiveOptions/maxRecordBytes``), however large the file. A record the
/// parser skips is inflated into the window and dropped, or, in a plain file, seeked over.
///
/// A gzip file is a series of members, one per record when a crawler writes it so, one for the
/// whole file when it was compressed afterwards. Each `Z_STREAM_END` is followed by
/// `inflateReset`, and the compressed offset where each member starts is kept with the content
/// offset where its output starts, so that ``fileOffset(of:)`` can say which member holds a
/// record. A member zlib cannot inflate is reported once and the stream resynchronises on the
/// next gzip header after its start: a flipped byte costs the records of one member.
final class ArchiveByteStream {
    /// What a request for more bytes found.
    enum Fill: Equatable {
        case ok
        /// The end of the file: no more bytes.
        case end
        /// The gzip data is damaged here. The bytes already in the window came before the damage,
        /// and the bytes after it come from the next sound member.
        case damaged(ArchiveProblem)
    }

    private enum GzipState {
        case inMember
        case betweenMembers
        /// Looking for the next gzip header; `garbage` is where the bytes that are no member began,
        /// `nil` after a broken member, whose remains are not reported again.
        case scanning(garbage: Int64?, nonZero: Bool)
    }

    /// The window: `window[lo..<hi]` are the bytes not yet consumed.
    private var window: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var lo = 0
    private var hi = 0
    /// The content offset of `window[0]`.
    private var windowOffset: Int64 = 0
    /// Window room below which a read first compacts: inflate calls with little output room cost
    /// more per byte.
    private let minimumRead: Int

    let isGzip: Bool
    private let input: ArchiveRawInput

    private let inflater: ArchiveInflater?
    private var inBuffer: UnsafeMutablePointer<UInt8>
    private let inCapacity: Int
    private var inLo = 0
    private var inHi = 0
    /// The file offset of `inBuffer[0]`.
    private var inOffset: Int64 = 0
    private var inputEnded = false
    private var state = GzipState.betweenMembers
    /// The file offset of the member being inflated.
    private var memberStart: Int64 = 0
    /// Where each member starts: in the content, and in the file. Entries before `membersHead`
    /// lie before every record still to come.
    private var members: [(content: Int64, file: Int64)] = []
    private var membersHead = 0
    private var pending: ArchiveProblem?
    /// The content offset up to which every member has ended with its checksum verified; all
    /// of a plain file. What the parser finds wrong beyond it may yet prove to be gzip damage.
    private(set) var soundContentEnd = Int64.max
    private var finished = false

    /// Opens the stream and tells gzip from plain bytes by the magic bytes `1F 8B`.
    ///
    /// - Parameter chunkSize: the size of each read, and of the window at first.
    /// - Throws: ``ArchiveProblem`` when the first read fails.
    init(input: ArchiveRawInput, chunkSize: Int) throws {
        self.input = input
        capacity = max(chunkSize, 64)
        minimumRead = max(capacity / 4, 16)
        window = .allocate(capacity: capacity)
        inCapacity = max(chunkSize, 64)
        inBuffer = .allocate(capacity: inCapacity)
        while inHi < 2 {
            let got = try input.read(into: inBuffer + inHi, count: inCapacity - inHi)
            if got == 0 { break }
            inHi += got
        }
        isGzip = inHi >= 2 && inBuffer[0] == 0x1F && inBuffer[1] == 0x8B
        if isGzip {
            inflater = ArchiveInflater(format: .gzip)
            soundContentEnd = 0
        } else {
            inflater = nil
            window.update(from: inBuffer, count: inHi)
            hi = inHi
            inHi = 0
        }
    }

    deinit {
        window.deallocate()
        inBuffer.deallocate()
    }

    /// The bytes not yet consumed start here; valid until the next call that reads.
    var bytes: UnsafeMutablePointer<UInt8> { window + lo }
    var available: Int { hi - lo }
    /// The content offset of ``bytes``: the offset in the file for a plain file, in the
    /// decompressed stream for a gzip one.
    var position: Int64 { windowOffset + Int64(lo) }

    func consume(_ count: Int) {
        lo += max(0, min(count, hi - lo))
    }

    /// Drops the bytes read but not consumed: the start of a record that damage cut off.
    func discardBuffered() {
        lo = hi
    }

    /// Reads until at least `count` bytes are available, or the file ends, or damage is met.
    ///
    /// - Throws: ``ArchiveProblem`` when the system read fails.
    func ensure(_ count: Int) throws -> Fill {
        while hi - lo < count {
            makeRoom(count - (hi - lo))
            let fill = try produce()
            guard fill == .ok else { return fill }
        }
        return .ok
    }

    /// Moves past `count` bytes without keeping them.
    ///
    /// - Returns: `.end` when the file ends first.
    /// - Throws: ``ArchiveProblem`` when the system read fails.
    func skip(_ count: Int64) throws -> Fill {
        var remaining = count
        let buffered = Int(min(Int64(hi - lo), remaining))
        lo += buffered
        remaining -= Int64(buffered)
        guard remaining > 0 else { return .ok }
        windowOffset += Int64(hi)
        lo = 0
        hi = 0
        if !isGzip, let passed = input.seekForward(remaining) {
            windowOffset += passed
            return passed == remaining ? .ok : .end
        }
        while remaining > 0 {
            let fill = try produce()
            guard fill == .ok else { return fill }
            let taken = Int(min(Int64(hi - lo), remaining))
            lo += taken
            remaining -= Int64(taken)
            if lo == hi {
                windowOffset += Int64(hi)
                lo = 0
                hi = 0
            }
        }
        return .ok
    }

    /// Where to find the content byte at `offset` in the file: the offset itself in a plain file,
    /// the compressed offset of the member that holds it in a gzip file.
    func fileOffset(of offset: Int64) -> Int {
        guard isGzip else { return Int(offset) }
        var index = members.count - 1
        while index > membersHead, members[index].content > offset { index -= 1 }
        return index >= 0 ? Int(members[index].file) : 0
    }

    /// Lets go of member starts that can hold no record from `offset` on.
    func forgetMembers(before offset: Int64) {
        while membersHead + 1 < members.count, members[membersHead + 1].content <= offset { membersHead += 1 }
        if membersHead > 1024 {
            members.removeFirst(membersHead)
            membersHead = 0
        }
    }

    /// Makes room for `needed` more bytes after `hi`, compacting first and growing if that is
    /// not enough.
    private func makeRoom(_ needed: Int) {
        guard capacity - hi < max(needed, minimumRead) else { return }
        if lo > 0 {
            if lo < hi { UnsafeMutableRawPointer(window).copyMemory(from: window + lo, byteCount: hi - lo) }
            windowOffset += Int64(lo)
            hi -= lo
            lo = 0
        }
        guard capacity - hi < needed else { return }
        let grown = max(capacity * 2, hi + needed)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: window, count: hi)
        window.deallocate()
        window = larger
        capacity = grown
    }

    /// Adds at least one byte at `hi`, which has room.
    private func produce() throws -> Fill {
        guard let inflater else {
            let got = try input.read(into: window + hi, count: capacity - hi)
            guard got > 0 else { return .end }
            hi += got
            return .ok
        }
        while true {
            if let problem = pending {
                pending = nil
                return .damaged(problem)
            }
            if finished { return .end }
            switch state {
            case .betweenMembers:
                if inHi - inLo < 4, !inputEnded {
                    try readInput()
                } else if inLo == inHi {
                    finished = true
                } else if isMemberHeader(at: inLo) {
                    beginMember(inflater)
                } else {
                    state = .scanning(garbage: inOffset + Int64(inLo), nonZero: false)
                }
            case .scanning(let garbage, let nonZero):
                try scan(garbage: garbage, nonZero: nonZero, inflater)
            case .inMember:
                if inLo == inHi {
                    if inputEnded {
                        pending = ArchiveProblem(offset: Int(memberStart), message: "truncated gzip member: the file ends inside it")
                        finished = true
                    } else {
                        try readInput()
                    }
                    continue
                }
                let step = inflater.inflate(inBuffer + inLo, count: inHi - inLo, into: window + hi, capacity: capacity - hi)
                inLo += step.consumed
                switch step.status {
                case .streamEnd:
                    state = .betweenMembers
                    soundContentEnd = windowOffset + Int64(hi + step.produced)
                case .progress:
                    break
                case .stalled, .damaged:
                    // The output of the call that met the damage is suspect (a bad CRC is found
                    // only after the whole member has been inflated), so it is dropped.
                    let reason = if case .damaged(let message) = step.status { message } else { "inflate made no progress" }
                    pending = ArchiveProblem(offset: Int(memberStart), message: "broken gzip member: \(reason)")
                    resynchronise()
                    continue
                }
                hi += step.produced
                if step.produced > 0 { return .ok }
            }
        }
    }

    /// After a broken member: look for the next header from just after its start, which may
    /// lie before the point where zlib noticed the damage.
    private func resynchronise() {
        inLo = Int(max(0, min(Int64(inHi), memberStart + 1 - inOffset)))
        state = .scanning(garbage: nil, nonZero: false)
    }

    private func scan(garbage: Int64?, nonZero: Bool, _ inflater: ArchiveInflater) throws {
        var sawNonZero = nonZero
        var from = inLo
        while let hit = ArchiveBytes.find(0x1F, in: inBuffer, from: from, to: inHi) {
            if inHi - hit < 4, !inputEnded { break }
            if isMemberHeader(at: hit) {
                if garbage != nil, !sawNonZero { sawNonZero = containsNonZero(inLo, hit) }
                if let garbage, sawNonZero {
                    pending = ArchiveProblem(offset: Int(garbage), message: "garbage after gzip member")
                }
                inLo = hit
                beginMember(inflater)
                return
            }
            from = hit + 1
        }
        let keep = inputEnded ? inHi : max(inLo, inHi - 3)
        if garbage != nil, !sawNonZero { sawNonZero = containsNonZero(inLo, keep) }
        inLo = keep
        if inputEnded && inLo == inHi {
            if let garbage, sawNonZero {
                pending = ArchiveProblem(offset: Int(garbage), message: "garbage after gzip member")
            }
            finished = true
            return
        }
        state = .scanning(garbage: garbage, nonZero: sawNonZero)
        try readInput()
    }

    private func containsNonZero(_ from: Int, _ to: Int) -> Bool {
        var index = from
        while index < to {
            if inBuffer[index] != 0 { return true }
            index += 1
        }
        return false
    }

    /// A gzip header: the magic, deflate, and no reserved flag bits (which makes a chance match
    /// in compressed data rare).
    private func isMemberHeader(at index: Int) -> Bool {
        inHi - index >= 4 && inBuffer[index] == 0x1F && inBuffer[index + 1] == 0x8B && inBuffer[index + 2] == 0x08
            && inBuffer[index + 3] & 0xE0 == 0
    }

    private func beginMember(_ inflater: ArchiveInflater) {
        memberStart = inOffset + Int64(inLo)
        inflater.reset()
        state = .inMember
        members.append((content: windowOffset + Int64(hi), file: memberStart))
    }

    /// Reads more compressed bytes, keeping those not yet inflated and, when it is near, the
    /// current member's start (for resynchronising if the member proves broken).
    private func readInput() throws {
        var keep = inLo
        let memberIndex = memberStart - inOffset
        if case .inMember = state, memberIndex >= 0, memberIndex < Int64(inLo),
           Int64(inHi) - memberIndex <= Int64(inCapacity / 2) {
            keep = Int(memberIndex)
        }
        if keep > 0 {
            if keep < inHi { UnsafeMutableRawPointer(inBuffer).copyMemory(from: inBuffer + keep, byteCount: inHi - keep) }
            inOffset += Int64(keep)
            inLo -= keep
            inHi -= keep
        }
        let got = try input.read(into: inBuffer + inHi, count: inCapacity - inHi)
        if got == 0 { inputEnded = true } else { inHi += got }
    }
}
