import CStemmaKernels

/// Computes MinHash signatures (Broder 1997) of shingle sets, 16 permutations per SIMD vector.
///
/// **Hash family.** A shingle's 64-bit hash `h` is folded to 32 bits, `x = lo32(h) ^ hi32(h)`, and
/// permutation *i* is `π_i(x) = (a_i · x + b_i) mod 2³²` with `a_i` odd, which is a bijection of
/// the 32-bit values. The signature holds `min π_i(x)` over the set for each *i*. The multipliers
/// and addends come from SplitMix64 seeded with `seed` (default 1): `a_i = next() | 1` and
/// `b_i = next() >> 32`, alternating, as UInt32. Signatures are therefore identical across runs,
/// thread counts and machines for the same `seed` and `permutations`.
///
/// 32-bit lanes are deliberate: AVX2 multiplies eight 32-bit lanes at once (`vpmulld`), while
/// 64-bit lane multiplies do not vectorise on x86-64 without AVX-512.
///
/// ```swift
/// let hasher = try MinHasher(permutations: 128)
/// let signature = hasher.signature(of: shingleHashes)
/// MinHasher.estimatedJaccard(signature, otherSignature)
/// ```
public struct MinHasher: Sendable {
    public let permutations: Int
    public let seed: UInt64
    @usableFromInline let multipliers: [SIMD16<UInt32>]
    @usableFromInline let addends: [SIMD16<UInt32>]
    /// The same constants as flat arrays, for the C kernel.
    let flatMultipliers: [UInt32]
    let flatAddends: [UInt32]
    /// Whether to use the AVX2 kernel: a plain x86-64 build cannot multiply 32-bit lanes in SIMD
    /// and ran 5× slower (50 against 250 MB/s of sketching, measured on the 10 MB benchmark text).
    static let usesAVX2Kernel = stemma_has_avx2() != 0
    /// Whether to use the AVX-512 kernel, which keeps all 128 permutations' constants in registers.
    static let usesAVX512Kernel = stemma_has_avx512() != 0

    /// - Throws: ``SketchError`` when `permutations` is not a positive multiple of 16.
    public init(permutations: Int = 128, seed: UInt64 = 1) throws {
        guard permutations > 0, permutations % 16 == 0, permutations <= 4_096 else {
            throw SketchError.invalidPermutations(permutations)
        }
        self.permutations = permutations
        self.seed = seed
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            return StableHash.finalize(state)
        }
        var multipliers: [SIMD16<UInt32>] = []
        var addends: [SIMD16<UInt32>] = []
        for _ in 0..<(permutations / 16) {
            var a = SIMD16<UInt32>(), b = SIMD16<UInt32>()
            for lane in 0..<16 {
                a[lane] = UInt32(truncatingIfNeeded: next()) | 1
                b[lane] = UInt32(truncatingIfNeeded: next() >> 32)
            }
            multipliers.append(a)
            addends.append(b)
        }
        self.multipliers = multipliers
        self.addends = addends
        flatMultipliers = multipliers.flatMap { vector in (0..<16).map { vector[$0] } }
        flatAddends = addends.flatMap { vector in (0..<16).map { vector[$0] } }
    }

    /// The 32-bit value a shingle hash is permuted as.
    @inline(__always)
    static func fold(_ hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: hash) ^ UInt32(truncatingIfNeeded: hash >> 32)
    }

    /// The signature of a set given by its shingle hashes (repeats and order do not matter).
    /// An empty set has every value `UInt32.max`.
    public func signature(of shingles: [UInt64]) -> [UInt32] {
        var signature = [UInt32](repeating: .max, count: permutations)
        shingles.withUnsafeBufferPointer { shingles in
            signature.withUnsafeMutableBufferPointer { output in
                fill(output, from: shingles)
            }
        }
        return signature
    }

    /// Writes the signature of `shingles` into `output`, which holds `permutations` values.
    ///
    /// Four vectors (64 permutations) are kept in registers while the shingles stream past; wider
    /// sets of registers spilled to memory in measurement.
    public func fill(_ output: UnsafeMutableBufferPointer<UInt32>, from shingles: UnsafeBufferPointer<UInt64>) {
        precondition(output.count == permutations, "Signature buffer must hold one value per permutation")
        if Self.usesAVX2Kernel, let shinglesBase = shingles.baseAddress, let outputBase = output.baseAddress {
            let wide = Self.usesAVX512Kernel
            flatMultipliers.withUnsafeBufferPointer { a in
                flatAddends.withUnsafeBufferPointer { b in
                    if wide {
                        stemma_minhash_avx512(shinglesBase, shingles.count, a.baseAddress, b.baseAddress, outputBase, permutations)
                    } else {
                        stemma_minhash_avx2(shinglesBase, shingles.count, a.baseAddress, b.baseAddress, outputBase, permutations)
                    }
                }
            }
            return
        }
        fillPortably(output, from: shingles)
    }

    /// The same computation in Swift SIMD: used where AVX2 is missing (and on arm64, where NEON
    /// multiplies 32-bit lanes natively).
    func fillPortably(_ output: UnsafeMutableBufferPointer<UInt32>, from shingles: UnsafeBufferPointer<UInt64>) {
        if shingles.isEmpty {
            for index in output.indices { output[index] = .max }
            return
        }
        var vector = 0
        let vectors = permutations / 16
        while vector + 4 <= vectors {
            let (a0, a1, a2, a3) = (multipliers[vector], multipliers[vector + 1], multipliers[vector + 2], multipliers[vector + 3])
            let (b0, b1, b2, b3) = (addends[vector], addends[vector + 1], addends[vector + 2], addends[vector + 3])
            var m0 = SIMD16<UInt32>(repeating: .max), m1 = m0, m2 = m0, m3 = m0
            for hash in shingles {
                let x = SIMD16<UInt32>(repeating: Self.fold(hash))
                Self.lower(&m0, to: x &* a0 &+ b0)
                Self.lower(&m1, to: x &* a1 &+ b1)
                Self.lower(&m2, to: x &* a2 &+ b2)
                Self.lower(&m3, to: x &* a3 &+ b3)
            }
            store(m0, into: output, at: vector)
            store(m1, into: output, at: vector + 1)
            store(m2, into: output, at: vector + 2)
            store(m3, into: output, at: vector + 3)
            vector += 4
        }
        while vector < vectors {
            let (a, b) = (multipliers[vector], addends[vector])
            var m = SIMD16<UInt32>(repeating: .max)
            for hash in shingles {
                Self.lower(&m, to: SIMD16<UInt32>(repeating: Self.fold(hash)) &* a &+ b)
            }
            store(m, into: output, at: vector)
            vector += 1
        }
    }

    /// Lane-wise minimum. `pointwiseMin` is an out-of-line generic call for `SIMD16<UInt32>`
    /// (measured: a call per vector that splits it in halves); this form lowers to `vpminud`.
    @inline(__always)
    static func lower(_ minimum: inout SIMD16<UInt32>, to value: SIMD16<UInt32>) {
        minimum.replace(with: value, where: value .< minimum)
    }

    @inline(__always)
    private func store(_ value: SIMD16<UInt32>, into output: UnsafeMutableBufferPointer<UInt32>, at vector: Int) {
        guard let base = output.baseAddress else { return }
        UnsafeMutableRawPointer(base + vector * 16).storeBytes(of: value, as: SIMD16<UInt32>.self)
    }

    /// The share of equal values: the estimate of the Jaccard similarity of the two sets.
    public static func estimatedJaccard(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Double {
        precondition(a.count == b.count && !a.isEmpty, "Signatures must have the same, non-zero length")
        var equal = 0
        for index in 0..<a.count where a[index] == b[index] { equal += 1 }
        return Double(equal) / Double(a.count)
    }

    public static func estimatedJaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in estimatedJaccard(a, b) } }
    }
}

/// Invalid sketch or LSH parameters, found when they are set rather than in hot loops.
public enum SketchError: Error, Equatable, CustomStringConvertible {
    case invalidPermutations(Int)
    case invalidThreshold(Double)
    case invalidShingleSize(Int)
    case invalidContainment(Double)

    public var description: String {
        switch self {
        case .invalidPermutations(let count): return "--permutations must be a positive multiple of 16 up to 4096, not \(count)"
        case .invalidThreshold(let value): return "--threshold must be between 0 and 1 (exclusive), not \(value)"
        case .invalidShingleSize(let size): return "--shingle must be between 1 and 16, not \(size)"
        case .invalidContainment(let value): return "--containment must be above 0 and at most 1, not \(value)"
        }
    }
}
