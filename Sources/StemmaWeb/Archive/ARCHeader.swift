/// The header line of an ARC record (Internet Archive ARC format, versions 1 and 2).
///
/// Version 1: `URL IP-address Archive-date Content-type Archive-length`. Version 2 adds result
/// code, checksum, location, offset and filename before the length. URLs may hold spaces (the
/// crawler wrote them unescaped), so fields are taken from the end: the length is the last field,
/// and the date is found at its place counting back, where it must be all digits.
struct ARCHeader {
    /// The fields as ranges into the line.
    var url: Range<Int>
    var date: Range<Int>
    var contentType: Range<Int>
    var length: Int64

    /// Parses `bytes[0..<count]` (the line without its LF), or `nil` if it is not an ARC header.
    ///
    /// - Parameter version: the file's version, whose layout is tried first.
    init?(_ bytes: UnsafePointer<UInt8>, count: Int, version: Int) {
        var fields: [Range<Int>] = []
        var index = 0
        var end = count
        if end > 0, bytes[end - 1] == ArchiveBytes.cr { end -= 1 }
        while index < end {
            while index < end, bytes[index] == 0x20 { index += 1 }
            let start = index
            while index < end, bytes[index] != 0x20 { index += 1 }
            if start < index { fields.append(start..<index) }
        }
        let n = fields.count
        guard n >= 5, let length = ArchiveBytes.decimal(bytes, fields[n - 1]),
              ArchiveBytes.find(0x3A, in: bytes, from: fields[0].lowerBound, to: fields[0].upperBound) != nil else { return nil }
        // Fields counted back from the end to the date and to the content type. Version 2 goes
        // first when the file says so, or when its result-code field is there to tell.
        func isDate(_ field: Range<Int>) -> Bool {
            field.count >= 12 && ArchiveBytes.decimal(bytes, field.prefix(18)) != nil
        }
        let version2Shape = n >= 10 && isDate(fields[n - 8])
            && (fields[n - 6].count == 3 && ArchiveBytes.decimal(bytes, fields[n - 6]) != nil || bytes[fields[n - 6].lowerBound] == 0x2D)
        let layouts = version == 2 || version2Shape ? [(8, 7), (3, 2)] : [(3, 2), (8, 7)]
        for (dateBack, typeBack) in layouts where n > dateBack + 1 {
            let date = fields[n - dateBack]
            guard isDate(date) else { continue }
            self.url = fields[0].lowerBound..<fields[n - dateBack - 2].upperBound
            self.date = date
            self.contentType = fields[n - typeBack]
            self.length = length
            return
        }
        return nil
    }

    /// An ARC date (`20140216050221`, sometimes longer or shorter) in ISO 8601
    /// (`2014-02-16T05:02:21Z`), as WARC writes dates.
    static func isoDate(_ digits: String) -> String {
        var padded = Array(digits.utf8.prefix(14))
        while padded.count < 14 { padded.append(0x30) }
        let text = String(decoding: padded, as: UTF8.self)
        func part(_ from: Int, _ to: Int) -> Substring {
            let lower = text.index(text.startIndex, offsetBy: from)
            return text[lower..<text.index(text.startIndex, offsetBy: to)]
        }
        return "\(part(0, 4))-\(part(4, 6))-\(part(6, 8))T\(part(8, 10)):\(part(10, 12)):\(part(12, 14))Z"
    }
}
