extension TokenScanner {
    /// Scans a word or number from `position`, which holds a letter or digit.
    ///
    /// Joiners are taken only between the characters they join: a hyphen or apostrophe between
    /// letters or digits, a comma between a digit and exactly three digits (`2,870` but not `2,3`),
    /// a dot between digits (`2.5`), and the dots of an initialism whose parts are single letters
    /// (`U.S.`, `a.m.`) including its final dot.
    ///
    /// ASCII bytes are hashed into the matching key as they are scanned (the same FNV-1a over
    /// lower-cased bytes as ``TokenNormalizer/key(of:)``); only tokens with other bytes take the
    /// general path afterwards. Fusing the two passes halved the tokenizer's instructions (callgrind).
    mutating func scanWord(startingWith firstClass: CharacterClass) -> Token {
        let (range, key) = scanWordKey(startingWith: firstClass)
        return makeToken(range, kind: firstClass == .digit ? .number : .word, key: key)
    }

    /// The byte range and matching key of the word or number at `position`; see `scanWord`.
    mutating func scanWordKey(startingWith firstClass: CharacterClass) -> (Range<Int>, UInt64) {
        let start = position
        var end = position
        var lastClass = firstClass
        var segmentLength = 0  // letters and digits since the last joiner
        var isInitialism = false
        var key = WordKeyAccumulator()

        scanning: while true {
            // ASCII letters and digits first, classified by arithmetic and hashed as they pass:
            // most bytes of prose. `byte | 0x20` is the lower case of a letter.
            let runStart = end
            while end < bytes.count {
                let byte = bytes[end]
                let lower = byte | 0x20
                if lower &- 0x61 < 26 {
                    key.addFolded(lower)
                } else if byte &- 0x30 < 10 {
                    key.addFolded(byte)
                } else {
                    break
                }
                end += 1
            }
            if end > runStart {
                segmentLength += end - runStart
                lastClass = bytes[end - 1] &- 0x30 < 10 ? .digit : .letter
            }
            if end < bytes.count, bytes[end] >= 0x80 {
                let (kind, length) = character(at: end)
                if kind.isAlphanumeric || kind == .mark || kind == .joiner {
                    if kind.isAlphanumeric {
                        lastClass = kind
                        segmentLength += 1
                    }
                    key.markNonASCII()
                    end += length
                    continue scanning
                }
            }
            // Most words end at a space or a mark that never joins: leave before decoding anything.
            guard end < bytes.count else { break }
            let stop = bytes[end]
            if stop < 0x80, stop != UInt8(ascii: "'"), stop != UInt8(ascii: "-"), stop != UInt8(ascii: "."),
                stop != UInt8(ascii: ",")
            {
                break
            }
            let (joinerClass, joinerLength) = character(at: end)
            let next = end + joinerLength
            let (nextClass, nextLength) = character(at: next)
            switch joinerClass {
            case .hyphen where nextClass.isAlphanumeric,
                .apostrophe where lastClass == .letter && nextClass == .letter:
                key.add(bytes, end..<next)
                end = next
            case .punctuation where stop == UInt8(ascii: "."):
                if lastClass == .digit && nextClass == .digit {
                    key.add(stop)
                    end = next
                } else if segmentLength == 1, lastClass == .letter, nextClass == .letter,
                    isByte(".", at: next + nextLength)
                {
                    isInitialism = true
                    key.add(stop)
                    end = next
                } else if isInitialism, segmentLength == 1, lastClass == .letter {
                    key.add(stop)
                    end = next  // the final dot of `U.S.`
                    guard joinsAfterInitialism(at: end) else { break scanning }
                    let joiner = end..<(end + character(at: end).1)
                    key.add(bytes, joiner)
                    end = joiner.upperBound
                } else {
                    break scanning
                }
            case .punctuation where stop == UInt8(ascii: ","):
                guard lastClass == .digit, isThousandsGroup(at: next) else { break scanning }
                key.add(stop)
                end = next
            default:
                break scanning
            }
            segmentLength = 0
        }
        position = end
        let range = start..<end
        return (range, key.value ?? TokenNormalizer.key(of: UnsafeBufferPointer(rebasing: bytes[range])))
    }

    /// Whether a hyphen or apostrophe followed by a letter or digit continues an initialism:
    /// `U.S.-led`, `U.N.’s`.
    private func joinsAfterInitialism(at offset: Int) -> Bool {
        let (kind, length) = character(at: offset)
        guard kind == .hyphen || kind == .apostrophe else { return false }
        return character(at: offset + length).0.isAlphanumeric
    }

    /// Whether exactly three ASCII digits start at `offset`.
    private func isThousandsGroup(at offset: Int) -> Bool {
        guard offset + 3 <= bytes.count else { return false }
        for index in offset..<offset + 3 where !(0x30...0x39).contains(bytes[index]) {
            return false
        }
        return offset + 3 == bytes.count || !(0x30...0x39).contains(bytes[offset + 3])
    }

    func makeToken(_ range: Range<Int>, kind: Token.Kind) -> Token {
        makeToken(range, kind: kind, key: TokenNormalizer.key(of: UnsafeBufferPointer(rebasing: bytes[range])))
    }

    func makeToken(_ range: Range<Int>, kind: Token.Kind, key: UInt64) -> Token {
        var isCapitalized = false
        var isLowercase = false
        if kind == .word {
            let lead = bytes[range.lowerBound]
            if lead < 0x80 {
                isCapitalized = lead &- 0x41 < 26
                isLowercase = lead &- 0x61 < 26
            } else {
                let properties = decodeScalar(at: range.lowerBound).0.properties
                isCapitalized = properties.isUppercase || properties.generalCategory == .titlecaseLetter
                isLowercase = properties.isLowercase
            }
        }
        return Token(range: range, key: key, kind: kind, isCapitalized: isCapitalized, isLowercase: isLowercase)
    }
}

/// The matching key of an all-ASCII word, hashed while the word is scanned.
struct WordKeyAccumulator {
    private var state = StableHash.offsetBasis
    private var isASCII = true

    mutating func add(_ byte: UInt8) {
        addFolded(TokenNormalizer.asciiLowercase(byte))
    }

    /// Adds a byte already in lower case.
    @inline(__always)
    mutating func addFolded(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* StableHash.prime
    }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        for index in range {
            guard bytes[index] < 0x80 else { return markNonASCII() }
            add(bytes[index])
        }
    }

    mutating func markNonASCII() {
        isASCII = false
    }

    /// The key, or nil when a non-ASCII byte means the general normalizer must compute it.
    var value: UInt64? { isASCII ? StableHash.finalize(state) : nil }
}
