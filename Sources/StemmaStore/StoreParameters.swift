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

extension StoreParameters {
    /// Parameters asked for by a caller that may name only some of them (`stemma match
    /// --threshold 0.5`): a new store fills in the defaults, an existing one must agree on those
    /// named and supplies the rest.
    public struct Request: Sendable, Hashable, CustomStringConvertible {
        public var shingleSize: Int?
        public var permutations: Int?
        public var seed: UInt64?
        public var threshold: Double?

        public init(shingleSize: Int? = nil, permutations: Int? = nil, seed: UInt64? = nil, threshold: Double? = nil) {
            self.shingleSize = shingleSize
            self.permutations = permutations
            self.seed = seed
            self.threshold = threshold
        }

        /// Asks for exactly `parameters`.
        public init(_ parameters: StoreParameters) {
            self.init(shingleSize: parameters.shingleSize, permutations: parameters.permutations, seed: parameters.seed,
                      threshold: parameters.threshold)
        }

        /// Whether nothing is named: any store's parameters do.
        public var isEmpty: Bool { shingleSize == nil && permutations == nil && seed == nil && threshold == nil }

        /// The parameters of a new store: those named, and the defaults for the rest.
        public var filled: StoreParameters {
            let defaults = StoreParameters()
            return StoreParameters(shingleSize: shingleSize ?? defaults.shingleSize, permutations: permutations ?? defaults.permutations,
                                   seed: seed ?? defaults.seed, threshold: threshold ?? defaults.threshold)
        }

        /// Whether `stored` has every parameter named.
        public func accepts(_ stored: StoreParameters) -> Bool {
            (shingleSize ?? stored.shingleSize) == stored.shingleSize && (permutations ?? stored.permutations) == stored.permutations
                && (seed ?? stored.seed) == stored.seed && (threshold ?? stored.threshold) == stored.threshold
        }

        /// The named parameters as flags.
        public var description: String {
            [shingleSize.map { "--shingle \($0)" }, permutations.map { "--permutations \($0)" }, seed.map { "--seed \($0)" },
             threshold.map { "--threshold \($0)" }].compactMap { $0 }.joined(separator: " ")
        }
    }
}
