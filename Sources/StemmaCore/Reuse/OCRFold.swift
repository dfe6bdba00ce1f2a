/// OCR's commonest misreadings folded together, so that a misread word keeps its n-grams and is
/// recognised as a variant: `rn`/`m`, `cl`/`d`, `li`/`h`, `vv`/`w`, `ii`/`u`, `c`/`e`, `u`/`n`,
/// long `ſ` read as `f`/`s`, `h`/`b` (`tbe`), `i`/`l`, and `1`/`l`, `0`/`o` beside a letter; ASCII
/// case ignored and kept (a fold of capitals is a capital), so that the tokenizer reads the folded
/// text's words as it reads the original's.
///
/// Both texts are folded the same way, so a clean word and its misreading meet (`modern` and
/// `rnodern` both fold to `modem`). Folding merges some different words (`cat`, `eat`), which costs a
/// candidate index of five-word n-grams almost nothing, and the aligner still tells an exact match
/// (the words' own keys) from a folded one. Folding never adds or removes a space or a mark, so the
/// folded text has the same words, in the same order, as the original.
public enum OCRFold {
    /// The folded bytes of UTF-8 text (or of one word).
    ///
    /// Written through a buffer with a table per byte: appending byte by byte took 17% of
    /// `stemma reuse`'s time (perf, newspaper corpus), as the texts are folded for the index and
    /// again for each pair aligned.
    public static func folded(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
            written = table.withUnsafeBufferPointer { fold(bytes, into: output.baseAddress.unsafelyUnwrapped, table: $0) }
        }
    }

    /// Folds `bytes` into `output`, which has room for as many bytes; returns how many it wrote
    /// (a pair folded to one letter writes one).
    @inline(__always)
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>, table: UnsafeBufferPointer<UInt8>) -> Int {
        do {
            var index = 0, count = 0
            while index < bytes.count {
                let original = bytes[index]
                let action = table[Int(original)]
                if action == 0 {
                    output[count] = original
                } else {
                    let capital = original &- 0x41 < 26 ? UInt8(0x20) : 0
                    let byte = original | capital
                    let next = index + 1 < bytes.count ? lower(bytes[index + 1]) : 0
                    if action == pairStart, let pair = pairFold(byte, next) {
                        output[count] = pair ^ capital
                        index += 2
                        count += 1
                        continue
                    }
                    let single = singleFold(byte, besideLetter: isLetter(index > 0 ? bytes[index - 1] : 0) || isLetter(next))
                    output[count] = single == byte ? original : single ^ capital
                }
                index += 1
                count += 1
            }
            return count
        }
    }

    /// Each word of `words` (ranges into `bytes`) folded, one after another, with where each lies
    /// in the result: one allocation for a whole text.
    static func foldedWords(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [Token]) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(words.count)
        let total = words.reduce(0) { $0 + $1.range.count }
        guard total > 0 else { return ([], words.map { _ in 0..<0 }) }
        let folded = [UInt8](unsafeUninitializedCapacity: total) { output, written in
            var offset = 0
            table.withUnsafeBufferPointer { table in
                for word in words {
                    let count = fold(UnsafeBufferPointer(rebasing: bytes[word.range]), into: output.baseAddress.unsafelyUnwrapped + offset, table: table)
                    ranges.append(offset..<(offset + count))
                    offset += count
                }
            }
            written = offset
        }
        return (folded, ranges)
    }

    /// Per byte: 0 when it is never folded, `pairStart` when it may begin a pair, 1 otherwise.
    private static let pairStart: UInt8 = 2
    private static let table: [UInt8] = (0..<256).map { value in
        let byte = lower(UInt8(value))
        if "rclvi".utf8.contains(byte) { return pairStart }
        return singleFold(byte, besideLetter: true) != byte ? 1 : 0
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    /// Two letters OCR reads for one, as the one.
    @inline(__always)
    static func pairFold(_ first: UInt8, _ second: UInt8) -> UInt8? {
        switch (first, second) {
        case (UInt8(ascii: "r"), UInt8(ascii: "n")): UInt8(ascii: "m")
        case (UInt8(ascii: "c"), UInt8(ascii: "l")): UInt8(ascii: "d")
        case (UInt8(ascii: "l"), UInt8(ascii: "i")): UInt8(ascii: "b")  // li → h → b
        case (UInt8(ascii: "v"), UInt8(ascii: "v")): UInt8(ascii: "w")
        case (UInt8(ascii: "i"), UInt8(ascii: "i")): UInt8(ascii: "n")  // ii → u → n
        default: nil
        }
    }

    /// One letter as the representative of the letters OCR confuses it with.
    @inline(__always)
    static func singleFold(_ byte: UInt8, besideLetter: Bool) -> UInt8 {
        switch byte {
        case UInt8(ascii: "c"): UInt8(ascii: "e")
        case UInt8(ascii: "u"): UInt8(ascii: "n")
        case UInt8(ascii: "f"): UInt8(ascii: "s")
        case UInt8(ascii: "h"): UInt8(ascii: "b")
        case UInt8(ascii: "i"): UInt8(ascii: "l")
        case UInt8(ascii: "1") where besideLetter: UInt8(ascii: "l")
        case UInt8(ascii: "0") where besideLetter: UInt8(ascii: "o")
        default: byte
        }
    }
}
