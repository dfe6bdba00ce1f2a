/// An immutable set of token keys, for word lists consulted once per token.
///
/// Keys are already well-mixed 64-bit hashes, so this open-addressing table uses their low bits as
/// the slot directly. `Set<UInt64>` would hash each key again with SipHash; on the seed diff those
/// lookups were 14% of all instructions (callgrind), and this table removes them.
public struct KeySet: Sendable {
    @usableFromInline let slots: [UInt64]
    @usableFromInline let mask: Int
    /// 0 marks an empty slot, so the key 0 is remembered apart.
    @usableFromInline let containsZero: Bool

    public init<Keys: Collection<UInt64>>(_ keys: Keys) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        var containsZero = false
        for key in keys {
            guard key != 0 else {
                containsZero = true
                continue
            }
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & mask }
            slots[slot] = key
        }
        self.slots = slots
        self.mask = mask
        self.containsZero = containsZero
    }

    @inlinable
    public func contains(_ key: UInt64) -> Bool {
        guard key != 0 else { return containsZero }
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let stored = slots[slot]
                if stored == key { return true }
                if stored == 0 { return false }
                slot = (slot + 1) & mask
            }
        }
    }
}
