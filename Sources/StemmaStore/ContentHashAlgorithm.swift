import StemmaCore

/// How a store hashes a version's text, to tell an unchanged re-add from a new version.
///
/// Recorded in `storeInfo` under the key `contentHash` by every new store. A store made before
/// the key existed has no such row and keeps the FNV-1a hashes it was written with: a re-added
/// text is compared with hashes of one algorithm only, so switching would make every re-add a
/// new version.
enum ContentHashAlgorithm: String, Sendable {
    /// ``StableHash`` (FNV-1a), byte at a time; implied when `storeInfo` has no `contentHash`.
    case fnv1a
    /// ``LaneHash``, 32 bytes a step; recorded by new stores.
    case laneHash = "lanehash-1"

    static let storeInfoKey = "contentHash"
    /// The algorithm a new store records.
    static let current = ContentHashAlgorithm.laneHash

    /// The hash of `text` as stored in `documentVersion.contentHash`.
    func hash(_ text: [UInt8]) -> Int64 {
        switch self {
        case .fnv1a: return Int64(bitPattern: StableHash.hash(text))
        case .laneHash: return Int64(bitPattern: LaneHash.hash(text))
        }
    }
}
