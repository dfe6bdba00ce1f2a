public import StemmaCore

/// The sketch parameters a store is made with. Signatures are comparable only under the same
/// shingle size, permutations and seed; the banding follows from the threshold.
public struct StoreParameters: Sendable, Hashable, CustomStringConvertible {
    public var shingleSize: Int
    public var permutations: Int
    public var seed: UInt64
    public var threshold: Double

    public init(shingleSize: Int = 5, permutations: Int = 128, seed: UInt64 = 1, threshold: Double = 0.5) {
        self.shingleSize = shingleSize
        self.permutations = permutations
        self.seed = seed
        self.threshold = threshold
    }

    public var description: String {
        "--shingle \(shingleSize) --permutations \(permutations) --seed \(seed) --threshold \(threshold)"
    }

    /// The sketcher and banding these parameters describe; throws for invalid ones.
    public func validated() throws -> (sketcher: DocumentSketcher, lsh: LSHParameters) {
        (try DocumentSketcher(shingleSize: shingleSize, permutations: permutations, seed: seed),
         try LSHParameters(threshold: threshold, permutations: permutations))
    }
}
