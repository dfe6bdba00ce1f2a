import StemmaCore

/// Documents sketched, hashed and banded, ready to be written: the part of an add that needs no
/// database, so it runs on all cores and outside the write lock (while the previous batch is
/// being written, when the caller pipelines).
public struct PreparedBatch: Sendable {
    let documents: [StoreDocument]
    let sketches: [DocumentSketcher.Sketch]
    let contentHashes: [Int64]
    /// The LSH band keys of each document's signature.
    let bandKeys: [[UInt64]]

    public var count: Int { documents.count }
}

extension Store {
    /// Sketches the documents for ``add(_:keepText:)-(PreparedBatch,_)``; thread-safe.
    public func prepare(_ documents: [StoreDocument]) -> PreparedBatch {
        let sketcher = self.sketcher, lsh = self.lsh
        let prepared = ParallelMap.map(documents, minimumCount: 32) { document -> (DocumentSketcher.Sketch, Int64, [UInt64]) in
            var scratch = DocumentSketcher.Scratch()
            let sketch = document.text.withUnsafeBufferPointer { sketcher.sketch($0, scratch: &scratch) }
            return (sketch, Int64(bitPattern: StableHash.hash(document.text)), lsh.bandKeys(of: sketch.signature))
        }
        return PreparedBatch(documents: documents, sketches: prepared.map(\.0), contentHashes: prepared.map(\.1),
                             bandKeys: prepared.map(\.2))
    }
}
