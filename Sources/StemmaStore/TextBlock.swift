import CStemmaKernels
import GRDB
import StemmaCore

/// The texts of consecutive versions, concatenated and compressed together: a row of `textBlock`.
///
/// News texts are short (a few KB), and one text alone shrinks about 1.5×; texts that are
/// versions or copies of each other compress far better side by side, and blocks of about 64 KB
/// keep reading one text cheap (one blob, decompressed at GB/s). Writing a third of the bytes is
/// what makes `index add` with texts fast: each byte goes through the WAL and then the database.
///
/// The byte layout of `textBlock.data`: with codec 1, one LZ4 block (the raw block format, no
/// frame; written and read by Stemma's own codec in CStemmaKernels) that decompresses to
/// `textBlock.bytes` bytes; with codec 0, those bytes as they are (for data LZ4 does not shrink). The bytes are the UTF-8 texts of the versions that point to
/// the block, one after another: each version's text starts at its `textOffset` and is its
/// `bytes` long.
struct TextBlock: Sendable {
    enum Codec: Int, Sendable {
        case stored = 0
        case lz4 = 1
    }

    /// The indices of the documents whose texts it holds, in the order of their texts.
    var members: [Int]
    /// Where each member's text starts in the decompressed bytes.
    var offsets: [Int]
    /// The decompressed length.
    var bytes: Int
    var codec: Codec
    var data: [UInt8]

    /// A block is closed once its texts reach this many bytes, so a long text ends the block it joins.
    static let targetBytes = 64 * 1024

    /// The texts of `members`, in order, in blocks of about ``targetBytes``, compressed on all cores.
    static func blocks(of members: [Int], texts: [[UInt8]]) -> [TextBlock] {
        var groups: [[Int]] = []
        var group: [Int] = [], size = 0
        for member in members {
            group.append(member)
            size += texts[member].count
            if size >= targetBytes {
                groups.append(group)
                (group, size) = ([], 0)
            }
        }
        if !group.isEmpty { groups.append(group) }
        return ParallelMap.map(groups, minimumCount: 2) { block(of: $0, texts: texts) }
    }

    static func block(of members: [Int], texts: [[UInt8]]) -> TextBlock {
        var offsets: [Int] = []
        offsets.reserveCapacity(members.count)
        var joined: [UInt8] = []
        joined.reserveCapacity(members.reduce(0) { $0 + texts[$1].count })
        for member in members {
            offsets.append(joined.count)
            joined += texts[member]
        }
        let (codec, data) = joined.withUnsafeBufferPointer(compressed)
        return TextBlock(members: members, offsets: offsets, bytes: joined.count, codec: codec, data: data)
    }

    /// LZ4 when it shrinks the bytes, else the bytes as they are.
    static func compressed(_ input: UnsafeBufferPointer<UInt8>) -> (Codec, [UInt8]) {
        guard let source = input.baseAddress, input.count > 0 else { return (.stored, []) }
        let bound = stemma_lz4_bound(input.count)
        // Uninitialized: the compressor writes every byte it reports.
        let data = [UInt8](unsafeUninitializedCapacity: bound) { output, count in
            count = stemma_lz4_compress(source, input.count, output.baseAddress, bound)
        }
        guard data.count > 0, data.count < input.count else { return (.stored, Array(input)) }
        // A copy of the exact size: the bound's capacity, about three times the data, would stay
        // allocated while the batch waits for the writer.
        return (.lz4, Array(data[...]))
    }

    /// The decompressed bytes of the block stored as row `id`; throws when they do not match
    /// the recorded length (a damaged file).
    static func decompressed(id: Int64, codec: Int, bytes: Int, data: [UInt8]) throws -> [UInt8] {
        // Checked before anything is allocated: a tampered length (-1, 9e11) must not trap or
        // exhaust memory. LZ4 expands at most 255 times (a run is coded in 255-byte steps).
        guard bytes >= 0, bytes <= min(Row.maximumLength, data.count * 255 + 255) else {
            throw StoreError.corruptTextBlock(id: id, reason: "a recorded length of \(bytes) bytes for \(data.count) stored")
        }
        switch Codec(rawValue: codec) {
        case .stored:
            guard data.count == bytes else {
                throw StoreError.corruptTextBlock(id: id, reason: "\(data.count) bytes stored, \(bytes) recorded")
            }
            return data
        case .lz4:
            var produced = 0
            let output = [UInt8](unsafeUninitializedCapacity: bytes) { destination, count in
                produced = data.withUnsafeBufferPointer { source in
                    stemma_lz4_decompress(source.baseAddress, source.count, destination.baseAddress, bytes)
                }
                count = max(produced, 0)
            }
            guard produced == bytes else {
                throw StoreError.corruptTextBlock(id: id, reason: produced < 0 ? "invalid LZ4 data" : "\(produced) bytes decompressed, \(bytes) recorded")
            }
            return output
        case nil:
            throw StoreError.corruptTextBlock(id: id, reason: "unknown codec \(codec)")
        }
    }
}
