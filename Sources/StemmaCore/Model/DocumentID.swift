/// The rule for document ids, applied wherever a document enters Stemma (readers, the store, the API).
///
/// SQLite's C API cuts text at a NUL, so `"a\u{0}b"` would be stored as `"a"` and collide with
/// another document; control characters break the one-line reports and the terminal. Such ids are
/// refused per record rather than stored altered.
///
/// ```swift
/// DocumentID.problem(with: "wt-2022-03-02")  // nil
/// DocumentID.problem(with: "nul\u{0}id")     // "id contains a NUL character"
/// ```
public enum DocumentID {
    /// Why `id` cannot name a document, or `nil` when it can.
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "id is empty" }
        for scalar in id.unicodeScalars {
            if scalar.value == 0 { return "id contains a NUL character" }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                return "id contains the control character U+\(hex4(scalar.value))"
            }
        }
        return nil
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
