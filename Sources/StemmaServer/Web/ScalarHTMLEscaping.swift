import Mustache
import StemmaIO

/// Mustache escaping by Unicode scalar, registered as the content type `STEMMA_HTML`.
///
/// swift-mustache's own HTML escaping compares whole characters, so a quote followed by a
/// combining mark (`"\u{0338}`) is one character that is not `"` and goes out unescaped, which
/// would end an attribute value early. Every Stemma template starts with
/// `{{% CONTENT_TYPE: STEMMA_HTML }}` to use this one instead.
struct ScalarHTMLEscaping: MustacheContentType {
    static let name = "STEMMA_HTML"

    func escapeText(_ text: String) -> String {
        HTML.escape(text)
    }
}
