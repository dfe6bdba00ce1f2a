/// A document's words as the passage aligner reads them: each word's key, byte range and shape.
///
/// Only word-like tokens count (``Token/isWordLike``): punctuation differs freely between copies
/// and OCR scatters it, so positions, word counts and alignments skip it. Word `k` is the first
/// word of n-gram `k` in ``ngramHashes(inUTF8:count:)``.
public struct ReuseText: Sendable {
    public let bytes: [UInt8]
    public let words: [Token]
    /// Each word with OCR's confusions folded (``OCRFold``), one after another, and where each
    /// lies in them: the spellings the aligner compares.
    let folded: [UInt8]
    let foldedRanges: [Range<Int>]
    /// The key of each folded word: equal keys are one word, misread.
    let foldedKeys: [UInt64]
    /// Letters and digits each folded word contains, for a quick test before comparing spellings.
    let shapes: [WordShape]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let words = bytes.withUnsafeBufferPointer { Tokenizer.tokens(inUTF8: $0) }.filter(\.isWordLike)
        self.words = words
        let (folded, ranges) = bytes.withUnsafeBufferPointer { OCRFold.foldedWords($0, words) }
        (foldedKeys, shapes) = folded.withUnsafeBufferPointer { buffer in
            (ranges.map { TokenNormalizer.key(of: UnsafeBufferPointer(rebasing: buffer[$0])) },
             ranges.map { WordShape(UnsafeBufferPointer(rebasing: buffer[$0])) })
        }
        (self.folded, foldedRanges) = (folded, ranges)
    }

    /// The hash of the n-gram of `count` words starting at every word of UTF-8 text, read with OCR's
    /// confusions folded: the keys of the candidate index of ``ReuseCandidates``.
    public static func ngramHashes(inUTF8 bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [UInt64] {
        OCRFold.folded(bytes).withUnsafeBufferPointer { Shingles.hashesByPosition(inUTF8: $0, count: count) }
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
    /// The word's letter pairs, each hashed to one of 64 bits: a cheap measure of how much two
    /// spellings share (Dice's coefficient over bigrams).
    var bigrams: UInt64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        length = UInt16(min(bytes.count, Int(UInt16.max)))
        var letters: UInt64 = 0, bigrams: UInt64 = 0
        var previous: UInt8 = 0
        for byte in bytes {
            let folded = byte &- 0x41 < 26 ? byte | 0x20 : byte
            if previous != 0 { bigrams |= 1 << UInt64((UInt32(previous) &* 31 &+ UInt32(folded)) & 63) }
            previous = folded
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
        self.bigrams = bigrams
    }
}
