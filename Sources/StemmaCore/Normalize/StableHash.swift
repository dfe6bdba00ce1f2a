/// A fast, seedless 64-bit hash that is identical on every machine and run.
///
/// Token keys and shingle hashes are persisted and compared across processes, so Swift's
/// randomly seeded `Hasher` cannot be used. This is FNV-1a over bytes followed by the
/// SplitMix64 finaliser, which repairs FNV's weak high bits for bucket selection.
public enum StableHash {
    @usableFromInline static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of a byte sequence.
    @inlinable
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var state = offsetBasis
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* prime
        }
        return finalize(state)
    }

    /// The SplitMix64 finaliser (Steele, Lea & Flood 2014): a bijection with full avalanche.
    @inlinable
    public static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Combines an ordered pair of hashes; used to build shingle hashes from token keys.
    @inlinable
    public static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        finalize((seed &* 0x9e37_79b9_7f4a_7c15) ^ value)
    }
}
