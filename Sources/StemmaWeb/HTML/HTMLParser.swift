import CLibXML2
import Glibc

/// Parses HTML with libxml2's HTML parser into an ``HTMLTree``.
///
/// The parser recovers from any markup (unclosed tags, stray end tags, junk), loads nothing from
/// the network, reads no DTD and expands no external entity. Its input is UTF-8 already
/// (``HTMLCharset`` decoded it), so the page's own charset declarations are ignored here.
enum HTMLParser {
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2's global state (its dictionary's random seed, its mutexes), set up once before any
    /// thread parses: two pages parsed at once as the very first ones deadlocked inside
    /// `xmlDictCreate` (`stemma extract` on a 2-record archive hung in a test run). libxml2 asks
    /// for `xmlInitParser` on the main thread before threads use it; a `static let` runs it once,
    /// the other threads waiting.
    static let initialized: Void = xmlInitParser()

    /// The tree of `utf8`, and the elements metadata reads.
    static func parse(_ utf8: [UInt8]) -> (tree: HTMLTree, headElements: [HTMLTree.Index]) {
        _ = initialized
        let builder = UnsafeMutablePointer<HTMLTreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: HTMLTreeBuilder())
        defer {
            builder.deinitialize(count: 1)
            builder.deallocate()
        }
        // libxml2 stops a text run at a NUL byte; the HTML standard reads it as U+FFFD.
        let hasNUL = utf8.withUnsafeBytes { $0.baseAddress.map { memchr($0, 0, utf8.count) != nil } ?? false }
        let cleaned = hasNUL ? replacingNUL(utf8) : utf8
        let input = ScriptBodies.stripped(cleaned) ?? cleaned
        guard !input.isEmpty, input.count < Int(Int32.max) else { return (builder.pointee.tree, []) }
        input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let context = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return }
                defer { htmlFreeParserCtxt(context) }
                install(builder, in: context)
                _ = htmlCtxtUseOptions(context, options)
                _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
                _ = htmlParseDocument(context)
                // The document libxml2 builds for its own bookkeeping holds nothing: our handler
                // never called its tree-building callbacks.
                if let document = context.pointee.myDoc {
                    xmlFreeDoc(document)
                    context.pointee.myDoc = nil
                }
            }
        }
        return (builder.pointee.tree, builder.pointee.headElements)
    }

    /// Points the context's SAX handler at `builder`, which must outlive the parse.
    private static func install(_ builder: UnsafeMutablePointer<HTMLTreeBuilder>, in context: htmlParserCtxtPtr) {
        guard let sax = context.pointee.sax else { return }
        var handler = xmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            context.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.start(name, attributes)
        }
        handler.endElement = { context, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.end()
        }
        handler.characters = { context, text, count in
            guard let context, let text else { return }
            context.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.characters(text, Int(count))
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = { context, text, count in
            guard let context, let text else { return }
            context.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.scriptText(text, Int(count))
        }
        handler.initialized = 1
        sax.pointee = handler
        context.pointee.userData = UnsafeMutableRawPointer(builder)
    }

    private static func replacingNUL(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        for byte in bytes {
            if byte == 0 { result.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { result.append(byte) }
        }
        return result
    }
}
