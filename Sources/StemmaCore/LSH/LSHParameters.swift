import Foundation

/// The banding of MinHash signatures for locality-sensitive hashing: `bands` × `rows` values.
///
/// Two sets of Jaccard similarity *s* share at least one band with probability
/// `P(s) = 1 − (1 − sʳ)ᵇ`. For a threshold *t* the bands and rows are chosen, among all *b·r ≤ k*,
/// to minimise `w_fp · ∫₀ᵗ P(s) ds + w_fn · ∫ₜ¹ (1 − P(s)) ds`, the areas of false positives and
/// false negatives (the method of datasketch's `_optimal_param`), integrated numerically with
/// Simpson's rule.
///
/// Stemma weighs false negatives 0.95 and false positives 0.05, where datasketch weighs both 0.5:
/// a missed near duplicate is lost for good, while an extra candidate only costs a signature
/// comparison. At threshold 0.5 with 128 permutations that picks 26 bands of 3 rows, under which a
/// pair at exactly 0.5 becomes a candidate with probability 0.97 (0.55 under 25 × 5), and an
/// unrelated pair (Jaccard 0.02) with probability 2·10⁻⁴.
///
/// ```swift
/// let parameters = try LSHParameters(threshold: 0.5, permutations: 128)
/// parameters.bands  // 26
/// parameters.rows   // 3
/// ```
public struct LSHParameters: Sendable, Hashable, CustomStringConvertible {
    public let threshold: Double
    public let permutations: Int
    public let bands: Int
    public let rows: Int
    public let falsePositiveArea: Double
    public let falseNegativeArea: Double

    /// - Throws: ``SketchError`` for a threshold outside (0, 1) or a bad permutation count.
    public init(threshold: Double, permutations: Int, falsePositiveWeight: Double = 0.05, falseNegativeWeight: Double = 0.95) throws {
        guard threshold > 0, threshold < 1 else { throw SketchError.invalidThreshold(threshold) }
        guard permutations > 0 else { throw SketchError.invalidPermutations(permutations) }
        self.threshold = threshold
        self.permutations = permutations
        var best = (error: Double.infinity, bands: 1, rows: 1, fp: 0.0, fn: 0.0)
        for bands in 1...permutations {
            for rows in 1...(permutations / bands) {
                let fp = Self.integrate(from: 0, to: threshold) { 1 - pow(1 - pow($0, Double(rows)), Double(bands)) }
                let fn = Self.integrate(from: threshold, to: 1) { pow(1 - pow($0, Double(rows)), Double(bands)) }
                let error = falsePositiveWeight * fp + falseNegativeWeight * fn
                if error < best.error { best = (error, bands, rows, fp, fn) }
            }
        }
        bands = best.bands
        rows = best.rows
        falsePositiveArea = best.fp
        falseNegativeArea = best.fn
    }

    /// The key of one band of a signature: equal keys put two documents in the same bucket.
    @inline(__always)
    public static func bandKey(_ band: Int, rows: Int, of signature: UnsafeBufferPointer<UInt32>) -> UInt64 {
        var state: UInt64 = 0x4C53_4842_414E_4400 &+ UInt64(band)  // "LSHBAND" + band
        let start = band * rows
        for row in 0..<rows { state = StableHash.combine(state, UInt64(signature[start + row])) }
        return state
    }

    /// The keys of every band of a signature.
    public func bandKeys(of signature: [UInt32]) -> [UInt64] {
        signature.withUnsafeBufferPointer { values in (0..<bands).map { Self.bandKey($0, rows: rows, of: values) } }
    }

    /// The probability that two sets of Jaccard similarity `similarity` become candidates.
    public func candidateProbability(similarity: Double) -> Double {
        1 - pow(1 - pow(similarity, Double(rows)), Double(bands))
    }

    public var description: String {
        "LSH: \(bands) bands × \(rows) rows of \(permutations) permutations for threshold \(threshold) "
            + "(false-positive area \(rounded(falsePositiveArea)), false-negative area \(rounded(falseNegativeArea)))"
    }

    private func rounded(_ value: Double) -> Double { (value * 1e5).rounded() / 1e5 }

    /// Simpson's rule with 64 intervals: smooth integrands, error far below what the choice needs.
    static func integrate(from lower: Double, to upper: Double, _ function: (Double) -> Double) -> Double {
        let intervals = 64
        let step = (upper - lower) / Double(intervals)
        var sum = function(lower) + function(upper)
        for index in 1..<intervals {
            sum += function(lower + Double(index) * step) * (index % 2 == 1 ? 4 : 2)
        }
        return sum * step / 3
    }
}
