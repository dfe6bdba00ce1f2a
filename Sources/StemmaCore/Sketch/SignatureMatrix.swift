/// The MinHash signatures of a corpus, one row per document, stored contiguously.
///
/// Byte layout when written out (see StemmaStore later): `permutations` × UInt32 little-endian per
/// document, documents in order.
public struct SignatureMatrix: Sendable {
    public let permutations: Int
    public private(set) var values: [UInt32] = []

    public init(permutations: Int) {
        self.permutations = permutations
    }

    public var count: Int { values.count / permutations }

    public mutating func reserveCapacity(_ documents: Int) {
        values.reserveCapacity(documents * permutations)
    }

    public mutating func append(_ signature: [UInt32]) {
        precondition(signature.count == permutations, "Signature has \(signature.count) values, not \(permutations)")
        values.append(contentsOf: signature)
    }

    public mutating func append(contentsOf other: SignatureMatrix) {
        precondition(other.permutations == permutations, "Signatures differ in permutations")
        values.append(contentsOf: other.values)
    }

    /// Calls `body` with the signature of one document.
    public func withSignature<Result>(_ document: Int, _ body: (UnsafeBufferPointer<UInt32>) -> Result) -> Result {
        values.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(document * permutations)..<((document + 1) * permutations)])) }
    }

    /// The estimated Jaccard similarity of two documents.
    public func estimatedJaccard(_ a: Int, _ b: Int) -> Double {
        values.withUnsafeBufferPointer { all in
            let k = permutations
            return MinHasher.estimatedJaccard(
                UnsafeBufferPointer(rebasing: all[(a * k)..<((a + 1) * k)]),
                UnsafeBufferPointer(rebasing: all[(b * k)..<((b + 1) * k)]))
        }
    }
}
