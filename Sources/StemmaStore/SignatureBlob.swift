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
        let bytes = [UInt8](data)
        guard bytes.count == 12 + 4 * permutations else { return nil }
        func uint64(_ offset: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) } }
        func uint32(_ offset: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) } }
        guard uint64(0) == seed, Int(uint32(8)) == permutations else { return nil }
        return (0..<permutations).map { uint32(12 + 4 * $0) }
    }
}
