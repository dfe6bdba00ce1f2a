import Foundation

/// Byte searches and comparisons over raw buffers, for the reader's hot loops.
///
/// The reader never turns a header line into a `String` to look at it: it finds line ends with
/// `memchr`, compares field names in place, and makes strings only of the few values it returns.
enum ArchiveBytes {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A

    /// The index of the first `byte` in `start[from..<to]`, or `nil`.
    @inline(__always)
    static func find(_ byte: UInt8, in start: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let hit = memchr(start + from, Int32(byte), to - from) else { return nil }
        return start.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first occurrence of `pattern` in `start[from..<to]`, or `nil`.
    ///
    /// `memchr` for the first byte, then a compare (glibc's `memmem` is not visible to Swift
    /// without `_GNU_SOURCE`); only resynchronisation uses it, on damaged bytes.
    static func find(_ pattern: [UInt8], in start: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard let first = pattern.first else { return from }
        var index = from
        while index + pattern.count <= to, let hit = find(first, in: start, from: index, to: to - pattern.count + 1) {
            let matches = pattern.withUnsafeBufferPointer { needle in
                needle.baseAddress.map { memcmp(start + hit, $0, needle.count) == 0 } ?? false
            }
            if matches { return hit }
            index = hit + 1
        }
        return nil
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Whether `start[0..<count]` equals `word` (given in lower case), ignoring ASCII case.
    static func equalsIgnoringCase(_ start: UnsafePointer<UInt8>, _ count: Int, _ word: StaticString) -> Bool {
        guard count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for index in 0..<count where lowercased(start[index]) != expected[index] { return false }
        return true
    }

    /// Whether `start[0..<count]` begins with `word` (given in lower case), ignoring ASCII case.
    static func hasPrefixIgnoringCase(_ start: UnsafePointer<UInt8>, _ count: Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard count >= length else { return false }
        return equalsIgnoringCase(start, length, word)
    }

    /// Whether `bytes[index...]` begins with `word` (given in lower case), ignoring ASCII case.
    static func hasPrefix(_ bytes: [UInt8], at index: Int, _ word: StaticString) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, index <= buffer.count else { return false }
            return hasPrefixIgnoringCase(base + index, buffer.count - index, word)
        }
    }

    /// `start[from..<to]` without leading and trailing spaces, tabs and CRs.
    static func trimmed(_ start: UnsafePointer<UInt8>, from: Int, to: Int) -> Range<Int> {
        var lower = from
        var upper = to
        while lower < upper, isSpace(start[lower]) { lower += 1 }
        while upper > lower, isSpace(start[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == cr }

    /// The bytes as a `String`, invalid UTF-8 replaced: header values are meant to be ASCII, but
    /// crawlers copy whatever a server sent.
    static func string(_ start: UnsafePointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: start + range.lowerBound, count: range.count), as: UTF8.self)
    }

    /// A non-negative decimal number, or `nil` for anything else (signs, spaces, overflow).
    static func decimal(_ start: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int64? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value: Int64 = 0
        for index in range {
            let digit = start[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }
}
