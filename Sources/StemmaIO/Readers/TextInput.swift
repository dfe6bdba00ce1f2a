import Foundation

/// A text read from a file or standard input, checked to be UTF-8 text.
public struct TextInput: Sendable {
    /// The path as given, or `-` for standard input.
    public var path: String
    /// The text's bytes, valid UTF-8. Kept as bytes: the diff works on them, and a 100 MB input
    /// should not be copied into a `String` and back.
    public var bytes: [UInt8]
    /// How many invalid byte sequences `lossy` reading replaced with U+FFFD.
    public var replacedSequences: Int

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Reads a file, or standard input for `-`.
    ///
    /// An empty file is valid text. A NUL byte makes the file binary, and so an error; invalid
    /// UTF-8 is an error naming its byte offset unless `lossy` is set, in which case each invalid
    /// sequence becomes U+FFFD and `replacedSequences` counts them.
    ///
    /// - Throws: ``ReadError``.
    public static func read(_ path: String, lossy: Bool = false) throws -> TextInput {
        let bytes = try readChecked(try ByteStream(path: path), lossy: lossy, maximumBytes: CorpusOptions.defaultMaxRecordBytes)
        return try decode(bytes, path: path, lossy: lossy)
    }

    /// The rest of `stream`, checked as it is read: a NUL (binary or UTF-16 text), invalid UTF-8
    /// (unless `lossy`) or more than `maximumBytes` stop the reading at once.
    ///
    /// A gzip bomb (1 MB of zeros inflating to 1 GB) was inflated whole before the NUL at byte 0
    /// was seen, a 1.6 GB peak (issue 11); now it stops after the first chunk.
    ///
    /// - Throws: ``ReadError``.
    static func readChecked(_ stream: ByteStream, prefix: [UInt8] = [], lossy: Bool, maximumBytes: Int,
                            chunk: Int = LineSplitter.chunk) throws -> [UInt8] {
        var bytes = prefix
        var checked = 0
        var more = true
        while more {
            more = try stream.read(into: &bytes, maximum: chunk)
            guard bytes.count <= maximumBytes else { throw ReadError(file: stream.path, reason: .tooLarge(maximumBytes)) }
            if let nul = bytes[checked...].withUnsafeBufferPointer({ fresh in
                fresh.baseAddress.flatMap { base in memchr(base, 0, fresh.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } }
            }) {
                // What `looksLikeUTF16` looks at, however the reads fell.
                while more && bytes.count < utf16Window { more = try stream.read(into: &bytes, maximum: chunk) }
                let isUTF16 = bytes.withUnsafeBufferPointer { looksLikeUTF16($0) }
                throw ReadError(file: stream.path, offset: checked + nul, reason: isUTF16 ? .utf16 : .binary)
            }
            try bytes.withUnsafeBufferPointer { buffer in
                let fresh = UnsafeBufferPointer(rebasing: buffer[checked...])
                guard !lossy else {
                    checked = buffer.count
                    return
                }
                if let invalid = UTF8Validation.firstInvalidOffset(in: fresh) {
                    // A sequence cut by the end of the chunk is checked again once the rest is read.
                    guard !more || buffer.count - (checked + invalid) >= 4 else {
                        checked += invalid
                        return
                    }
                    throw ReadError(file: stream.path, offset: checked + invalid, reason: startsAsUTF16(buffer) ? .utf16 : .invalidUTF8)
                }
                checked = buffer.count
            }
        }
        return bytes
    }

    /// Checks and decodes bytes already read.
    public static func decode(_ bytes: [UInt8], path: String, lossy: Bool) throws -> TextInput {
        let invalid = try bytes.withUnsafeBufferPointer { buffer in
            // memchr, not firstIndex(of:): a byte-at-a-time loop was 5 instructions a byte.
            if let base = buffer.baseAddress, let nul = memchr(base, 0, buffer.count) {
                throw ReadError(file: path, offset: UnsafeRawPointer(nul) - UnsafeRawPointer(base),
                                reason: looksLikeUTF16(buffer) ? .utf16 : .binary)
            }
            if startsAsUTF16(buffer) { throw ReadError(file: path, offset: 0, reason: .utf16) }
            return UTF8Validation.firstInvalidOffset(in: buffer)
        }
        guard let invalid else { return TextInput(path: path, bytes: bytes, replacedSequences: 0) }
        guard lossy else { throw ReadError(file: path, offset: invalid, reason: .invalidUTF8) }
        let text = String(decoding: bytes, as: UTF8.self)
        let replaced = bytes.withUnsafeBufferPointer { replacementsAdded(decoded: text, original: $0) }
        return TextInput(path: path, bytes: Array(text.utf8), replacedSequences: replaced)
    }

    /// Counts the replacement characters decoding added: those in the text minus those the input
    /// already held as valid UTF-8.
    static func replacementsAdded(decoded: String, original: UnsafeBufferPointer<UInt8>) -> Int {
        let inText = decoded.unicodeScalars.lazy.filter { $0 == "\u{FFFD}" }.count
        var inOriginal = 0
        var index = 0
        while index + 2 < original.count {
            if original[index] == 0xEF, original[index + 1] == 0xBF, original[index + 2] == 0xBD { inOriginal += 1 }
            index += 1
        }
        return inText - inOriginal
    }

    static let utf16Window = 4_096

    /// Whether `bytes` start with a UTF-16 byte order mark (`FF FE` or `FE FF`, never UTF-8).
    static func startsAsUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    /// Whether `bytes` look like UTF-16: a byte order mark, or, in the first 4 KiB, NULs in at
    /// least a third of the even or of the odd positions and in almost none of the others, as
    /// mostly-ASCII UTF-16 has and binary formats rarely do.
    static func looksLikeUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if startsAsUTF16(bytes) { return true }
        let count = min(bytes.count, utf16Window) & ~1
        guard count >= 8 else { return false }
        var nuls = (even: 0, odd: 0)
        for index in stride(from: 0, to: count, by: 2) {
            if bytes[index] == 0 { nuls.even += 1 }
            if bytes[index + 1] == 0 { nuls.odd += 1 }
        }
        let pairs = count / 2
        let (many, few) = nuls.even > nuls.odd ? (nuls.even, nuls.odd) : (nuls.odd, nuls.even)
        return many * 3 >= pairs && few * 50 <= pairs
    }

    /// The bytes of a file (gzip-compressed files are decompressed), or of standard input for `-`.
    public static func readBytes(_ path: String) throws -> [UInt8] {
        try ByteStream(path: path).readAll()
    }

}
