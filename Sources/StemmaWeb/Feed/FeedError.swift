/// Why a document could not be read as a feed, in one line.
///
/// ```swift
/// do { _ = try FeedReader.read(Array("<html></html>".utf8), url: nil) }
/// catch { print(error) }  // not a feed: the root element is <html>
/// ```
public struct FeedError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// No bytes, or only whitespace.
        case empty
        /// More bytes than ``FeedReader/maximumSize``.
        case tooLarge(bytes: Int)
        /// libxml2 could not build any element from the bytes, with its message.
        case notXML(String)
        /// Well-formed enough, but the root element is no feed format (its name).
        case notAFeed(root: String)
    }

    public var reason: Reason
    /// The line libxml2 reported the problem on, when it gave one.
    public var line: Int?

    public init(_ reason: Reason, line: Int? = nil) {
        self.reason = reason
        self.line = line
    }

    public var description: String {
        let text: String
        switch reason {
        case .empty: text = "empty document"
        case .tooLarge(let bytes): text = "too large: \(bytes) bytes, more than the \(FeedReader.maximumSize) a feed may have"
        case .notXML(let message): text = "not XML: \(message)"
        case .notAFeed(let root): text = "not a feed: the root element is <\(root)>"
        }
        // libxml2's messages end in a newline and may hold others; the description is one line.
        let line = line.map { " at line \($0)" } ?? ""
        return (text + line).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
