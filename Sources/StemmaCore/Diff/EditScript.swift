/// A byte-level recipe that turns the old text into the new one: copy old ranges, insert new bytes.
///
/// Built from a ``VersionDiff``'s operations, it proves the diff is lossless: applying it to the old
/// text yields the new text byte for byte. Copies may go out of order, which is how moves are
/// expressed.
public struct EditScript: Sendable, Hashable {
    public enum Step: Sendable, Hashable {
        /// Copy these bytes of the old text.
        case copy(Range<Int>)
        /// Insert these bytes.
        case insert([UInt8])
    }

    public private(set) var steps: [Step] = []

    public init() {}

    /// Appends a copy, merging it with a preceding copy that it continues.
    public mutating func copy(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if case .copy(let last)? = steps.last, last.upperBound == range.lowerBound {
            steps[steps.count - 1] = .copy(last.lowerBound..<range.upperBound)
        } else {
            steps.append(.copy(range))
        }
    }

    /// Appends an insertion, merging it with a preceding insertion.
    public mutating func insert<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        guard !bytes.isEmpty else { return }
        if case .insert(var last)? = steps.last {
            steps.removeLast()  // leaves `last` uniquely referenced, so the append below is in place
            last.append(contentsOf: bytes)
            steps.append(.insert(last))
        } else {
            steps.append(.insert(Array(bytes)))
        }
    }

    /// The result of applying the script to `old`, or nil if a copy reaches outside it.
    public func apply(to old: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        for step in steps {
            switch step {
            case .copy(let range):
                guard range.lowerBound >= 0, range.upperBound <= old.count else { return nil }
                result.append(contentsOf: old[range])
            case .insert(let bytes):
                result.append(contentsOf: bytes)
            }
        }
        return result
    }

    /// How many bytes the script copies from the old text.
    public var copiedByteCount: Int {
        steps.reduce(0) { total, step in
            if case .copy(let range) = step { return total + range.count }
            return total
        }
    }
}
