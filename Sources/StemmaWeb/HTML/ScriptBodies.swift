import Glibc

/// Drops the bodies of `<script>` and `<style>` elements (not JSON-LD) before libxml2 parses a
/// page: no extraction reads them, and they are 45% of the development pages' bytes, which
/// libxml2's HTML parser walks a character at a time (`htmlParseScript`). Measured with callgrind
/// on those 130 pages, extracted once (`stemma-extract-eval DIR --speed 1`, whole process):
/// 3.93 G instructions without it, 3.18 G with it (−19%), the same text from every page.
///
/// Not a tokenizer: it looks only for `<script` and `<style` start tags (outside comments) and for
/// the end tag that closes each, as the HTML standard ends script data at the first `</script`
/// followed by white space, `/` or `>`. The tags themselves stay, so the tree is the same.
enum ScriptBodies {
    /// `bytes` without script and style bodies, or nil when there is nothing to drop.
    static func stripped(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { buffer -> [UInt8]? in
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            var output: [UInt8]?
            var copied = 0  // bytes of `buffer` handled (copied or dropped) so far
            var position = 0
            while position < count, let hit = memchr(base + position, 0x3C, count - position) {
                let open = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                position = open + 1
                if matches(buffer, at: position, "!--") {
                    position = find(buffer, "-->", from: position + 3).map { $0 + 3 } ?? count
                    continue
                }
                guard let name = elementName(buffer, at: position) else { continue }
                guard let tagEnd = startTagEnd(buffer, from: position + name.count) else { break }
                let bodyStart = tagEnd + 1
                guard let bodyEnd = endTag(buffer, name, from: bodyStart) else { break }
                position = bodyEnd
                if bodyEnd == bodyStart || isJSONLD(buffer, open..<bodyStart) { continue }
                if output == nil { output = []; output?.reserveCapacity(count) }
                output?.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied..<bodyStart]))
                copied = bodyEnd
            }
            guard var result = output else { return nil }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied...]))
            return result
        }
    }

    private static let script = Array("script".utf8)
    private static let style = Array("style".utf8)

    /// `script` or `style` when a start tag of one begins at `position` (just after `<`).
    private static func elementName(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> [UInt8]? {
        for name in [script, style] where matchesIgnoringCase(buffer, at: position, name) {
            let after = position + name.count
            guard after < buffer.count else { return nil }
            let next = buffer[after]
            if next == 0x3E || next == 0x2F || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x0C { return name }
        }
        return nil
    }

    /// The `>` that ends a start tag, quoted attribute values skipped.
    private static func startTagEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var quote: UInt8 = 0
        var index = start
        while index < buffer.count {
            let byte = buffer[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The offset of the `</name` that ends the element's body.
    private static func endTag(_ buffer: UnsafeBufferPointer<UInt8>, _ name: [UInt8], from start: Int) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        var position = start
        while position < buffer.count, let hit = memchr(base + position, 0x3C, buffer.count - position) {
            let open = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            if open + 1 < buffer.count, buffer[open + 1] == 0x2F, matchesIgnoringCase(buffer, at: open + 2, name) {
                let after = open + 2 + name.count
                if after >= buffer.count { return open }
                let next = buffer[after]
                if next == 0x3E || next == 0x2F || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x0C { return open }
            }
            position = open + 1
        }
        return nil
    }

    private static func isJSONLD(_ buffer: UnsafeBufferPointer<UInt8>, _ tag: Range<Int>) -> Bool {
        let needle = Array("ld+json".utf8)
        guard tag.count >= needle.count else { return false }
        for start in tag.lowerBound...(tag.upperBound - needle.count) where matchesIgnoringCase(buffer, at: start, needle) { return true }
        return false
    }

    private static func find(_ buffer: UnsafeBufferPointer<UInt8>, _ text: String, from start: Int) -> Int? {
        let needle = Array(text.utf8)
        guard let base = buffer.baseAddress else { return nil }
        var position = start
        while position + needle.count <= buffer.count, let hit = memchr(base + position, Int32(needle[0]), buffer.count - position) {
            let found = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            if matches(buffer, at: found, text) { return found }
            position = found + 1
        }
        return nil
    }

    private static func matches(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard position + bytes.count <= buffer.count else { return false }
        for (offset, byte) in bytes.enumerated() where buffer[position + offset] != byte { return false }
        return true
    }

    private static func matchesIgnoringCase(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int, _ name: [UInt8]) -> Bool {
        guard position + name.count <= buffer.count else { return false }
        for (offset, byte) in name.enumerated() where buffer[position + offset] | 0x20 != byte { return false }
        return true
    }
}
