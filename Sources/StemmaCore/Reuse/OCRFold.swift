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
    public static func folded(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let original = bytes[index]
            let capital = original &- 0x41 < 26 ? UInt8(0x20) : 0
            let byte = lower(original)
            let next = index + 1 < bytes.count ? lower(bytes[index + 1]) : 0
            if let pair = pairFold(byte, next) {
                result.append(pair ^ capital)
                index += 2
                continue
            }
            let single = singleFold(byte, besideLetter: isLetter(index > 0 ? bytes[index - 1] : 0) || isLetter(next))
            result.append(single == byte ? original : single ^ capital)
            index += 1
        }
        return result
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
