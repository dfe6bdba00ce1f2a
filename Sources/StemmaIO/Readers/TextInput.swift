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
        let bytes = try readBytes(path)
        return try decode(bytes, path: path, lossy: lossy)
    }

    /// Checks and decodes bytes already read.
    public static func decode(_ bytes: [UInt8], path: String, lossy: Bool) throws -> TextInput {
        let invalid = try bytes.withUnsafeBufferPointer { buffer in
            // memchr, not firstIndex(of:): a byte-at-a-time loop was 5 instructions a byte.
            if let base = buffer.baseAddress, let nul = memchr(base, 0, buffer.count) {
                throw ReadError(file: path, offset: UnsafeRawPointer(nul) - UnsafeRawPointer(base), reason: .binary)
            }
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

    /// The bytes of a file (gzip-compressed files are decompressed), or of standard input for `-`.
    public static func readBytes(_ path: String) throws -> [UInt8] {
        try ByteStream(path: path).readAll()
    }

}
