import Foundation

/// The byte layout of a stored signature: seed UInt64 LE, count UInt32 LE, count × UInt32 LE.
enum SignatureBlob {
    static func encode(_ signature: [UInt32], seed: UInt64) -> Data {
        // Written into one buffer: appending value by value to Data was a tenth of an add's time.
        var bytes = [UInt8](repeating: 0, count: 12 + 4 * signature.count)
        bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: seed.littleEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: UInt32(signature.count).littleEndian, toByteOffset: 8, as: UInt32.self)
            for (index, value) in signature.enumerated() {
                raw.storeBytes(of: value.littleEndian, toByteOffset: 12 + 4 * index, as: UInt32.self)
            }
        }
        return Data(bytes)
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
