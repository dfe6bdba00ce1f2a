import StemmaCore
import StemmaTestSupport
import Testing

@Suite struct LaneHashTests {
    /// Persisted values: these must never change. Checked against an independent Python
    /// transcription of the definition in `LaneHash`'s documentation.
    static let fixed: [(bytes: [UInt8], hash: UInt64)] = [
        ([], 0x2848_d6a4_a7b2_8bc1),
        (Array("a".utf8), 0x2a79_ee9b_8fa5_941a),
        (Array("abc".utf8), 0x6fa9_38bb_5b07_d768),
        (Array("Harbor bridge closes".utf8), 0xddf7_74d7_9124_cb7c),
        ((0..<32).map { UInt8($0) }, 0x4f94_e1f0_f16a_e067),
        ((0..<100).map { UInt8($0) }, 0xa9d2_5dab_3356_f2fb),
        (Array("Kyiv — “today”".utf8), 0xf179_3f30_0453_5209),
        ((0..<1_024).map { UInt8($0 % 256) } + Array("xyz".utf8), 0xa9c4_22bb_c37d_8fcf),
    ]

    @Test(arguments: 0..<8)
    func valuesAreFixed(index: Int) {
        #expect(LaneHash.hash(Self.fixed[index].bytes) == Self.fixed[index].hash)
    }

    /// Every bit of every byte position matters, at every length through the lane blocks, the
    /// trailing words and the partial word.
    @Test(arguments: 0...100) func everyByteChangesTheHash(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let original = LaneHash.hash(bytes)
        var seen: Set<UInt64> = [original]
        for position in 0..<count {
            for bit in 0..<8 {
                var changed = bytes
                changed[position] ^= 1 << bit
                seen.insert(LaneHash.hash(changed))
            }
        }
        #expect(seen.count == 1 + 8 * count)
    }

    @Test func lengthMattersEvenWithZeroBytes() {
        let hashes = (0...100).map { LaneHash.hash([UInt8](repeating: 0, count: $0)) }
        #expect(Set(hashes).count == hashes.count)
    }

    @Test(arguments: 0..<8) func unalignedInputHashesLikeACopy(shift: Int) {
        var rng = SplitMix64(seed: 7)
        let storage = (0..<200).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        for count in [0, 1, 7, 8, 31, 32, 33, 64, 100, 191] {
            let copy = Array(storage[shift..<(shift + count)])
            let inPlace = storage.withUnsafeBytes { LaneHash.hash(UnsafeRawBufferPointer(rebasing: $0[shift..<(shift + count)])) }
            #expect(inPlace == LaneHash.hash(copy))
        }
    }

    @Test func outputBitsAreBalanced() {
        var ones = [Int](repeating: 0, count: 64)
        for value in 0..<2_000 {
            let hash = LaneHash.hash(Array("document \(value)".utf8))
            for bit in 0..<64 where hash >> UInt64(bit) & 1 == 1 { ones[bit] += 1 }
        }
        #expect(ones.allSatisfy { (850...1_150).contains($0) })
    }
}
