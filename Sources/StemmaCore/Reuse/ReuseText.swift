/// A document's words as the passage aligner reads them: each word's key, byte range and shape.
///
/// Only word-like tokens count (``Token/isWordLike``): punctuation differs freely between copies
/// and OCR scatters it, so positions, word counts and alignments skip it. Word `k` is the first
/// word of n-gram `k` in ``Shingles/hashesByPosition(inUTF8:count:)``.
public struct ReuseText: Sendable {
    public let bytes: [UInt8]
    public let words: [Token]
    /// Letters and digits each word contains, for a quick test before comparing spellings.
    let shapes: [WordShape]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let words = bytes.withUnsafeBufferPointer { Tokenizer.tokens(inUTF8: $0) }.filter(\.isWordLike)
        self.words = words
        shapes = bytes.withUnsafeBufferPointer { buffer in
            words.map { WordShape(UnsafeBufferPointer(rebasing: buffer[$0.range])) }
        }
    }

    /// The bytes of a run of words, with the punctuation attached to its ends: from the last
    /// space before the first word (an opening quote stays) to the first space after the last word
    /// (a closing stop stays), never into a neighbouring word.
    public func byteRange(ofWords words: Range<Int>) -> Range<Int> {
        guard !words.isEmpty else { return 0..<0 }
        var start = self.words[words.lowerBound].range.lowerBound
        var end = self.words[words.upperBound - 1].range.upperBound
        let floor = words.lowerBound > 0 ? self.words[words.lowerBound - 1].range.upperBound : 0
        let ceiling = words.upperBound < self.words.count ? self.words[words.upperBound].range.lowerBound : bytes.count
        while start > floor && !Self.isSpace(bytes[start - 1]) { start -= 1 }
        while end < ceiling && !Self.isSpace(bytes[end]) { end += 1 }
        return start..<end
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}

/// A word's byte length and the set of ASCII letters and digits in it, as a bit mask.
struct WordShape: Sendable, Hashable {
    var length: UInt16
    var letters: UInt64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        length = UInt16(min(bytes.count, Int(UInt16.max)))
        var letters: UInt64 = 0
        for byte in bytes {
            let lower = byte | 0x20
            if lower &- 0x61 < 26 {
                letters |= 1 << UInt64(lower &- 0x61)
            } else if byte &- 0x30 < 10 {
                letters |= 1 << UInt64(26 + (byte &- 0x30))
            } else if byte >= 0x80 {
                letters |= 1 << 63
            }
        }
        self.letters = letters
    }
}
