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
        let start = position
        var end = position
        var lastClass = firstClass
        var segmentLength = 0  // letters and digits since the last joiner
        var isInitialism = false
        var key = WordKeyAccumulator()

        scanning: while true {
            while end < bytes.count {
                // ASCII letters and digits without the general decoder: most bytes of prose.
                let byte = bytes[end]
                if byte < 0x80 {
                    let kind = asciiClasses[Int(byte)]
                    guard kind.isAlphanumeric else { break }
                    key.add(byte)
                    lastClass = kind
                    segmentLength += 1
                    end += 1
                    continue
                }
                let (kind, length) = character(at: end)
                if kind.isAlphanumeric {
                    lastClass = kind
                    segmentLength += 1
                } else if kind != .mark && kind != .joiner {
                    break
                }
                key.markNonASCII()
                end += length
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
        let kind: Token.Kind = firstClass == .digit ? .number : .word
        let range = start..<end
        return makeToken(range, kind: kind, key: key.value ?? TokenNormalizer.key(of: UnsafeBufferPointer(rebasing: bytes[range])))
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
        state = (state ^ UInt64(TokenNormalizer.asciiLowercase(byte))) &* StableHash.prime
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
