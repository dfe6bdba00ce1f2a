import CLibXML2

/// Ampersands fixed before libxml2 parses a feed, since feeds are written for browsers.
///
/// Recover mode drops a bare `&` ("A & B" becomes "A  B", `?a=1&b=2` loses `&b`) and an
/// HTML entity no DTD declares (`&nbsp;`, `&rsquo;`). So, outside comments and CDATA
/// sections, a bare `&` becomes `&amp;` and an HTML 4 entity becomes its character
/// reference, unless the document declares an entity of that name itself; declared
/// entities stay references, which are never expanded (see ``FeedReader``).
///
/// ```swift
/// FeedEntityRepair.repaired(Array("<t>A & B&nbsp;C</t>".utf8))  // "<t>A &amp; B&#160;C</t>"
/// ```
enum FeedEntityRepair {
    static func repaired(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        let declared = declaredEntities(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<"), let end = endOfVerbatim(bytes, at: i) {
                output.append(contentsOf: bytes[i..<end])
                i = end
            } else if byte == UInt8(ascii: "&") {
                let (replacement, length) = reference(bytes, at: i, declared: declared)
                output.append(contentsOf: replacement)
                i += length
            } else {
                output.append(byte)
                i += 1
            }
        }
        return output
    }

    /// The end of a comment or CDATA section starting at `start`, whose `&` are not markup.
    private static func endOfVerbatim(_ bytes: [UInt8], at start: Int) -> Int? {
        for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>")] where bytes[start...].starts(with: open.utf8) {
            let close = Array(close.utf8)
            var i = start + open.utf8.count
            while i + close.count <= bytes.count {
                if bytes[i] == close[0], bytes[i..<(i + close.count)].elementsEqual(close) { return i + close.count }
                i += 1
            }
            return bytes.count
        }
        return nil
    }

    /// What to write for the `&` at `start`, and how many input bytes that replaces.
    private static func reference(_ bytes: [UInt8], at start: Int, declared: Set<[UInt8]>) -> ([UInt8], Int) {
        let escaped = Array("&amp;".utf8)
        var end = start + 1
        while end < bytes.count, end - start < 40, isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: "#") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > start + 1 else { return (escaped, 1) }
        let name = Array(bytes[(start + 1)..<end])
        if name.first == UInt8(ascii: "#") {
            let isNumeric = name.count > 1 && (name.dropFirst().allSatisfy(isDigit)
                || (name[1] == UInt8(ascii: "x") || name[1] == UInt8(ascii: "X")) && name.count > 2 && name.dropFirst(2).allSatisfy(isHexDigit))
            return isNumeric ? (Array(bytes[start...end]), end - start + 1) : (escaped, 1)
        }
        guard !name.contains(UInt8(ascii: "#")), !isDigit(name[0]) else { return (escaped, 1) }
        if predefined.contains(name) || declared.contains(name) { return (Array(bytes[start...end]), end - start + 1) }
        let entity = (name + [0]).withUnsafeBufferPointer { htmlEntityLookup($0.baseAddress) }
        guard let entity else { return (Array(bytes[start...end]), end - start + 1) }
        return (Array("&#\(entity.pointee.value);".utf8), end - start + 1)
    }

    private static let predefined: Set<[UInt8]> = Set(["amp", "lt", "gt", "quot", "apos"].map { Array($0.utf8) })

    /// Names after `<!ENTITY` in the document (its internal subset), parameter entities aside.
    private static func declaredEntities(_ bytes: [UInt8]) -> Set<[UInt8]> {
        let marker = Array("<!ENTITY".utf8)
        var names: Set<[UInt8]> = []
        var i = 0
        while i + marker.count < bytes.count {
            guard bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) else {
                i += 1
                continue
            }
            i += marker.count
            while i < bytes.count, isASCIIWhitespace(bytes[i]) { i += 1 }
            let start = i
            while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
            if i > start { names.insert(Array(bytes[start..<i])) }
        }
        return names
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
