import Foundation

/// The byte layout of a stored signature: seed UInt64 LE, count UInt32 LE, count × UInt32 LE.
enum SignatureBlob {
    static func encode(_ signature: [UInt32], seed: UInt64) -> Data {
        var data = Data(capacity: 12 + 4 * signature.count)
        withUnsafeBytes(of: seed.littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(signature.count).littleEndian) { data.append(contentsOf: $0) }
        for value in signature {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// The signature, or nil when the blob is malformed or made with another seed or length.
    static func decode(_ data: Data, seed: UInt64, permutations: Int) -> [UInt32]? {
        guard data.count == 12 + 4 * permutations else { return nil }
        return data.withUnsafeBytes { raw -> [UInt32]? in
            guard UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)) == seed,
                Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))) == permutations
            else { return nil }
            return (0..<permutations).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 12 + 4 * $0, as: UInt32.self)) }
        }
    }
}
