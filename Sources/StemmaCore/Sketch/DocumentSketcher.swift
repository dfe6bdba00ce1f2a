/// Turns a document's UTF-8 bytes into its MinHash signature and shingle count.
///
/// ```swift
/// let sketcher = try DocumentSketcher(shingleSize: 5, permutations: 128)
/// var scratch = DocumentSketcher.Scratch()
/// let sketch = sketcher.sketch(bytes, scratch: &scratch)
/// ```
public struct DocumentSketcher: Sendable {
    public let shingleSize: Int
    public let hasher: MinHasher

    public init(shingleSize: Int = 5, permutations: Int = 128, seed: UInt64 = 1) throws {
        guard (1...16).contains(shingleSize) else { throw SketchError.invalidShingleSize(shingleSize) }
        self.shingleSize = shingleSize
        hasher = try MinHasher(permutations: permutations, seed: seed)
    }

    /// Buffers reused from one document to the next, one per thread.
    public struct Scratch {
        var shingles: [UInt64] = []
        public init() {}
    }

    public struct Sketch: Sendable {
        public var signature: [UInt32]
        /// The number of shingles, with repeats.
        public var shingles: Int
        /// The smallest distinct shingle hashes, when asked for (containment search).
        public var bottom: [UInt64] = []
    }

    public func sketch(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout Scratch, bottomCount: Int = 0) -> Sketch {
        scratch.shingles.removeAll(keepingCapacity: true)
        Shingles.appendHashes(inUTF8: bytes, count: shingleSize, to: &scratch.shingles)
        let signature = hasher.signature(of: scratch.shingles)
        let bottom = bottomCount > 0 ? ContainmentCandidates.bottom(scratch.shingles, count: bottomCount) : []
        return Sketch(signature: signature, shingles: scratch.shingles.count, bottom: bottom)
    }

    public func sketch(_ text: String) -> Sketch {
        var scratch = Scratch()
        var copy = text
        return copy.withUTF8 { sketch($0, scratch: &scratch) }
    }
}
