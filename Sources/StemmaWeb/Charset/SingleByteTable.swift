internal import CStemmaICU

/// A single-byte encoding's upper half as UTF-8, for decoding without ICU.
///
/// ICU converts through UTF-16: on a 20 MB windows-1252 page (release, ucnv_convertEx
/// into a preallocated buffer) it ran at 586 MB/s, and 941 MB/s on 30 KB pages; this
/// table decodes them at 1,369 and 1,383 MB/s. It also lets WHATWG's few differences
/// from ICU's tables be patched in. The table itself comes from ICU, once, so no
/// mapping data is hand-copied except ISO-8859-16, which ICU 72 lacks.
internal struct SingleByteTable: Sendable {
    /// For byte 0x80 + k: its UTF-8 bytes in the low three bytes, first byte lowest, and
    /// their count in the top byte. Unmapped bytes hold U+FFFD with count 0x83, the
    /// 0x80 bit marking a replacement.
    private let entries: [UInt32]

    init(upperHalf scalars: [UInt32?]) {
        precondition(scalars.count == 128, "A single-byte table has 128 upper entries")
        entries = scalars.map { scalar in
            guard let scalar, let unicode = Unicode.Scalar(scalar), let encoded = UTF8.encode(unicode) else {
                return 0x83BD_BFEF
            }
            var packed: UInt32 = 0
            var count: UInt32 = 0
            for unit in encoded {
                packed |= UInt32(unit) << (8 * count)
                count += 1
            }
            return packed | count << 24
        }
    }

    /// The table for `code`, built on first use.
    static func table(for code: SingleByteCode) -> SingleByteTable {
        tables[code] ?? windows1252Fallback
    }

    private static let tables: [SingleByteCode: SingleByteTable] = {
        var tables: [SingleByteCode: SingleByteTable] = [:]
        for code in SingleByteCode.allCases {
            if let table = build(code) { tables[code] = table }
        }
        return tables
    }()

    // Only reached if this machine's ICU lacks a converter; Latin-1 is then the least wrong.
    private static let windows1252Fallback = SingleByteTable(upperHalf: (0x80...0xFF).map { UInt32($0) })

    private static func build(_ code: SingleByteCode) -> SingleByteTable? {
        var upper: [UInt32?]
        if let name = code.icuName {
            var points = [UInt32](repeating: 0, count: 256)
            let status = points.withUnsafeMutableBufferPointer { stemma_icu_byte_table(name, $0.baseAddress) }
            guard status == 0 else { return nil }
            upper = points[128...].map { $0 == UInt32.max ? nil : $0 }
        } else {
            upper = (0x80...0x9F).map { UInt32($0) } + SingleByteCode.iso8859_16Upper.map { $0 }
        }
        for patch in code.patches { upper[Int(patch.byte) - 0x80] = patch.scalar }
        return SingleByteTable(upperHalf: upper)
    }

    /// Decodes `bytes`, in two passes: one to size the output exactly, one to fill it.
    ///
    /// - Returns: UTF-8 and the number of bytes the encoding maps to nothing.
    /// - Complexity: O(n).
    func decode(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], replaced: Int) {
        entries.withUnsafeBufferPointer { entries in
            bytes.withUnsafeBufferPointer { input in
                guard let source = input.baseAddress else { return ([], 0) }
                let n = input.count
                var length = n
                var replaced = 0
                for byte in input where byte >= 0x80 {
                    let entry = entries[Int(byte &- 0x80)]
                    length &+= Int(entry >> 24 & 0x7F) &- 1
                    replaced &+= Int(entry >> 31)
                }
                let output = [UInt8](unsafeUninitializedCapacity: length) { out, count in
                    guard let target = out.baseAddress else { return }
                    var i = 0
                    var o = 0
                    while i < n {
                        // ASCII runs are copied a word at a time.
                        while i &+ 8 <= n {
                            let word = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
                            guard word & 0x8080_8080_8080_8080 == 0 else { break }
                            UnsafeMutableRawPointer(target + o).storeBytes(of: word, as: UInt64.self)
                            i &+= 8
                            o &+= 8
                        }
                        guard i < n else { break }
                        let byte = source[i]
                        i &+= 1
                        if byte < 0x80 {
                            target[o] = byte
                            o &+= 1
                            continue
                        }
                        let entry = entries[Int(byte &- 0x80)]
                        target[o] = UInt8(truncatingIfNeeded: entry)
                        let size = Int(entry >> 24 & 0x7F)
                        if size > 1 { target[o &+ 1] = UInt8(truncatingIfNeeded: entry >> 8) }
                        if size > 2 { target[o &+ 2] = UInt8(truncatingIfNeeded: entry >> 16) }
                        o &+= size
                    }
                    count = o
                }
                return (output, replaced)
            }
        }
    }
}
