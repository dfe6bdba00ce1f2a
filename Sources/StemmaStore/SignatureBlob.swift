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

    /// The signature.
    ///
    /// - Throws: ``StoreError/corruptValue(column:reason:)`` for a blob that is truncated or made
    ///   with another seed or length: the store's parameters were checked on open, so such a blob
    ///   is damage, and skipping it would hide a document that can never match again.
    static func decode(_ data: Data, seed: UInt64, permutations: Int) throws -> [UInt32] {
        guard data.count == 12 + 4 * permutations else {
            throw StoreError.corruptValue(column: "signature", reason: "\(data.count) bytes, not \(12 + 4 * permutations)")
        }
        return try data.withUnsafeBytes { raw in
            guard UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)) == seed,
                Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))) == permutations
            else { throw StoreError.corruptValue(column: "signature", reason: "made with another seed or length") }
            return (0..<permutations).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 12 + 4 * $0, as: UInt32.self)) }
        }
    }
}
