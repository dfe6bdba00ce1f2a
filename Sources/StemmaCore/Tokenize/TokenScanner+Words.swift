extension TokenScanner {
    /// Scans a word or number from `position`, which holds a letter or digit.
    ///
    /// Joiners are taken only between the characters they join: a hyphen or apostrophe between
    /// letters or digits, a comma between a digit and exactly three digits (`2,870` but not `2,3`),
    /// a dot between digits (`2.5`), and the dots of an initialism whose parts are single letters
    /// (`U.S.`, `a.m.`) including its final dot.
    mutating func scanWord(startingWith firstClass: CharacterClass) -> Token {
        let start = position
        var end = position
        var lastClass = firstClass
        var segmentLength = 0  // letters and digits since the last joiner
        var isInitialism = false

        scanning: while true {
            while end < bytes.count {
                // ASCII letters and digits without the general decoder: most bytes of prose.
                let byte = bytes[end]
                if byte < 0x80 {
                    let kind = asciiClasses[Int(byte)]
                    guard kind.isAlphanumeric else { break }
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
                end += length
            }
            let (joinerClass, joinerLength) = character(at: end)
            let next = end + joinerLength
            let (nextClass, nextLength) = character(at: next)
            switch joinerClass {
            case .hyphen where nextClass.isAlphanumeric,
                .apostrophe where lastClass == .letter && nextClass == .letter:
                end = next
            case .punctuation where bytes[end] == UInt8(ascii: "."):
                if lastClass == .digit && nextClass == .digit {
                    end = next
                } else if segmentLength == 1, lastClass == .letter, nextClass == .letter,
                    isByte(".", at: next + nextLength)
                {
                    isInitialism = true
                    end = next
                } else if isInitialism, segmentLength == 1, lastClass == .letter {
                    end = next  // the final dot of `U.S.`
                    guard joinsAfterInitialism(at: end) else { break scanning }
                    end += character(at: end).1
                } else {
                    break scanning
                }
            case .punctuation where bytes[end] == UInt8(ascii: ","):
                guard lastClass == .digit, isThousandsGroup(at: next) else { break scanning }
                end = next
            default:
                break scanning
            }
            segmentLength = 0
        }
        position = end
        let kind: Token.Kind = firstClass == .digit ? .number : .word
        return makeToken(start..<end, kind: kind)
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
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        let key = TokenNormalizer.key(of: slice)
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
