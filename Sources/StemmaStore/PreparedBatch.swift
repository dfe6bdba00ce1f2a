public import StemmaCore

/// Documents sketched, hashed and banded, ready to be written: the part of an add that needs no
/// database, so it runs on all cores and outside the write lock (while the previous batch is
/// being written, when the caller pipelines).
public struct PreparedBatch: Sendable {
    let documents: [Document]
    let sketches: [DocumentSketcher.Sketch]
    let contentHashes: [Int64]
    /// The LSH band keys of each document's signature.
    let bandKeys: [[UInt64]]
    /// For each band, the documents' indices sorted by their key in that band (as a signed
    /// integer, the order of bucket entries), then by index. Sorted here, on all cores, because
    /// the writer thread bounds a bulk add.
    let bandOrder: [[Int]]
    /// The texts, compressed in blocks in the documents' order; nil when prepared without texts.
    /// A block whose documents are not all written (some are unchanged) is compressed again by
    /// the writer without them.
    let textBlocks: [TextBlock]?

    public var count: Int { documents.count }
}

extension Store {
    /// Sketches the documents for ``add(_:keepText:)-(PreparedBatch,_)``, and compresses their
    /// texts when `keepText`; thread-safe.
    public func prepare(_ documents: [Document], keepText: Bool = true) -> PreparedBatch {
        let sketcher = self.sketcher, lsh = self.lsh, contentHash = self.contentHash
        let prepared = ParallelMap.map(documents, minimumCount: 32) { document -> (DocumentSketcher.Sketch, Int64, [UInt64]) in
            var scratch = DocumentSketcher.Scratch()
            let sketch = document.text.withUnsafeBufferPointer { sketcher.sketch($0, scratch: &scratch) }
            return (sketch, contentHash.hash(document.text), lsh.bandKeys(of: sketch.signature))
        }
        let bandKeys = prepared.map(\.2)
        let bandOrder = ParallelMap.map(Array(0..<lsh.bands), minimumCount: 2) { band in
            // Radix-sorted (stable, so equal keys keep the documents' order): flipping the sign
            // bit makes the keys' unsigned order their signed order. A comparison sort through
            // `bandKeys` was 2% of a million-document add.
            var keyed = bandKeys.indices.map { KeyedValue(key: bandKeys[$0][band] ^ (1 << 63), value: UInt64($0)) }
            RadixSort.sort(&keyed)
            return keyed.map { Int($0.value) }
        }
        let textBlocks = keepText ? TextBlock.blocks(of: Array(documents.indices), texts: documents.map(\.text)) : nil
        return PreparedBatch(documents: documents, sketches: prepared.map(\.0), contentHashes: prepared.map(\.1),
                             bandKeys: bandKeys, bandOrder: bandOrder, textBlocks: textBlocks)
    }
}
