/// Recognises a metadata marker at the start of a text, such as `date 2022-03-02`.
///
/// Scraped news often arrives with its publication date glued to the first line. Treating the
/// marker as prose would make it part of the first sentence and spoil that sentence's match with
/// other versions, so the splitter sets it apart as a sentence of kind ``Sentence/Kind/metadata``.
public enum MetadataMarker {
    /// The byte range of a leading `date YYYY-MM-DD` marker (optionally `date:`, optionally with a
    /// time such as `T14:05:00Z`), and the date it gives; nil when the text has none.
    public static func leadingDate(in bytes: UnsafeBufferPointer<UInt8>) -> (range: Range<Int>, date: String)? {
        var offset = 0
        while offset < bytes.count, isSpace(bytes[offset]) { offset += 1 }
        let start = offset
        for (index, letter) in "date".utf8.enumerated() {
            guard offset + index < bytes.count, bytes[offset + index] | 0x20 == letter else { return nil }
        }
        offset += 4
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ":") { offset += 1 }
        let spaces = offset
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
        guard offset > spaces || bytes[spaces - 1] == UInt8(ascii: ":") else { return nil }
        let dateStart = offset
        for pattern in "dddd-dd-dd".utf8 {
            guard offset < bytes.count else { return nil }
            let byte = bytes[offset]
            let matches = pattern == UInt8(ascii: "d") ? (0x30...0x39).contains(byte) : byte == pattern
            guard matches else { return nil }
            offset += 1
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "T") {
            while offset < bytes.count, !isSpace(bytes[offset]) { offset += 1 }
        }
        guard offset == bytes.count || isSpace(bytes[offset]) else { return nil }
        let date = String(decoding: UnsafeBufferPointer(rebasing: bytes[dateStart..<offset]), as: UTF8.self)
        return (start..<offset, date)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
