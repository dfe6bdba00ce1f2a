/// The namespace URIs that tell feed versions and extensions apart.
///
/// ```swift
/// entry.child("updated", where: FeedNamespace.isAtom)
/// ```
enum FeedNamespace {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"

    /// RSS's own elements: none for 0.9x and 2.0, RSS 1.0's and 0.90's, and the URIs
    /// some 2.0 feeds declare for it (Userland's and Harvard's).
    static func isRSS(_ namespace: String?) -> Bool {
        guard let namespace else { return true }
        return namespace == rss10 || namespace == rss090 || namespace == "http://backend.userland.com/rss2"
            || namespace == "http://blogs.law.harvard.edu/tech/rss" || namespace == "http://backend.userland.com/rss"
    }

    /// Atom's elements, 1.0 or 0.3, or unqualified inside an Atom document.
    static func isAtom(_ namespace: String?) -> Bool {
        namespace == nil || namespace == atom10 || namespace == atom03
    }

    static func isAtomExtension(_ namespace: String?) -> Bool { namespace == atom10 || namespace == atom03 }
    static func isDC(_ namespace: String?) -> Bool { namespace == dc }
    static func isDCTerms(_ namespace: String?) -> Bool { namespace == dcterms }
    static func isMediaRSS(_ namespace: String?) -> Bool { namespace == "http://search.yahoo.com/mrss/" }
    static func isAny(_ namespace: String?) -> Bool { true }
}
