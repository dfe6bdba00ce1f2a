internal import CStemmaICU

/// Swift over the CStemmaICU shim: conversion to UTF-8 and charset detection.
internal enum ICU {
    /// Converts `bytes` from ICU converter `converter` to UTF-8, each undecodable
    /// sequence replaced with U+FFFD, in one ICU call into a preallocated buffer.
    ///
    /// - Returns: UTF-8 and the number of replacements, or nil if ICU failed.
    static func utf8(from bytes: ArraySlice<UInt8>, converter: String) -> (bytes: [UInt8], replaced: Int)? {
        // An input byte yields at most 3 UTF-8 bytes (a lone byte as U+FFFD, a half-width
        // katakana); Big5-HKSCS's 2-byte → 2-scalar entries need only 4 per 2. So 3n
        // suffices, and the retry is belt and braces.
        for factor in [3, 4] {
            var status: Int32 = 0
            var replaced = 0
            let capacity = bytes.count * factor + 16
            var output = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                var written = 0
                bytes.withUnsafeBufferPointer { input in
                    status = stemma_icu_to_utf8(
                        converter, input.baseAddress, input.count, out.baseAddress, out.count,
                        &written, &replaced)
                }
                count = status == Int32(STEMMA_ICU_OK) ? written : 0
            }
            if status == Int32(STEMMA_ICU_TARGET_TOO_SMALL) { continue }
            guard status == Int32(STEMMA_ICU_OK) else { return nil }
            // Give back what 3n overestimated when it is a lot (CJK text is about 1.5n).
            if output.capacity > 1 << 16, output.count < output.capacity / 2 {
                output = output.withUnsafeBufferPointer { Array($0) }
            }
            return (output, replaced)
        }
        return nil
    }

    /// One candidate of ICU's detector.
    struct Match: Sendable, Hashable {
        /// ICU's name, such as "Shift_JIS", "ISO-8859-1" or "KOI8-R".
        var name: String
        /// 0...100; ICU's own rough scale, not a probability.
        var confidence: Int
    }

    /// ICU's candidates for the encoding of `bytes`, best first.
    ///
    /// ICU reads at most 8 KB; this passes it at most 64 KB. Its own markup filter is
    /// off: ``HTMLCharset/detectionSample(of:limit:)`` has dropped the markup already.
    static func detect(_ bytes: ArraySlice<UInt8>) -> [Match] {
        let sample = bytes.prefix(1 << 16)
        let maxMatches = 16
        var names = [CChar](repeating: 0, count: 64 * maxMatches)
        var confidences = [Int32](repeating: 0, count: maxMatches)
        let found = sample.withUnsafeBufferPointer { input in
            names.withUnsafeMutableBufferPointer { names in
                confidences.withUnsafeMutableBufferPointer { confidences in
                    stemma_icu_detect(
                        input.baseAddress, Int32(input.count), 0,
                        names.baseAddress, Int32(names.count), confidences.baseAddress, Int32(maxMatches))
                }
            }
        }
        guard found > 0 else { return [] }
        var matches: [Match] = []
        var start = 0
        for index in 0..<Int(found) {
            guard let end = names[start...].firstIndex(of: 0) else { break }
            let name = String(decoding: names[start..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            matches.append(Match(name: name, confidence: Int(confidences[index])))
            start = end + 1
        }
        return matches
    }
}
