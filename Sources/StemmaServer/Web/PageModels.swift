import StemmaCore
import Foundation
import StemmaIO
import StemmaStore

/// What the matches template shows. Mustache reads stored properties only, so every figure is
/// formatted here.
struct MatchesPage {
    struct Row {
        var id: String
        var idQuery: String
        var version: Int
        var title: String?
        var date: String
        var jaccard: String
        var containsQuery: String
        var containedIn: String
        /// What changed from the match to the text ("2 edited · number-changed ×1").
        var changes: String
        /// "VERSION ID", posted by the Compare button.
        var target: String
    }

    var heading: String
    var summary: String
    var hasMatches: Bool
    var text: String
    var matches: [Row]

    init(_ matches: [IndexMatch], summaries: [DiffSummary?], text: String, threshold: Double) {
        heading = matches.count == 1 ? "1 match" : "\(matches.count) matches"
        summary = matches.isEmpty
            ? "No indexed document shares enough of this text (estimated Jaccard similarity of at least \(threshold))."
            : "Indexed versions of the \(text.utf8.count)-byte text, most similar first. Compare one to see what changed."
        hasMatches = !matches.isEmpty
        self.text = text
        self.matches = zip(matches, summaries).map { match, summary in
            Row(id: match.documentID, idQuery: URLQuery.encode(match.documentID), version: match.version, title: match.title,
                date: match.date ?? "", jaccard: String(format: "%.3f", match.jaccard),
                containsQuery: String(format: "%.0f%%", match.containmentOfQuery * 100),
                containedIn: String(format: "%.0f%%", match.containmentOfIndexed * 100),
                changes: summary?.line ?? "", target: "\(match.version) \(match.documentID)")
        }
    }
}

struct FamiliesPage {
    struct Member {
        var id: String
        var idQuery: String
        var last: Bool
    }

    struct Row {
        var size: Int
        var members: [Member]
        var span: String
        var familyQuery: String
    }

    var summary: String
    var families: [Row]
    /// Links to the other pages (HTML), or nothing.
    var navigation: String

    init(_ families: [IndexFamily], total: Int? = nil, navigation: String = "") {
        let total = total ?? families.count
        summary = total == 0
            ? "No family yet: every indexed document is alone."
            : "\(total) families of versions and copies, largest first."
        self.navigation = navigation
        self.families = families.map { family in
            let span = [family.earliestDate, family.latestDate].compactMap { $0 }.map { String($0.prefix(10)) }
            return Row(size: family.members.count,
                       members: family.members.enumerated().map { index, id in
                           Member(id: id, idQuery: URLQuery.encode(id), last: index == family.members.count - 1)
                       },
                       span: span.isEmpty ? "" : Set(span).count == 1 ? span[0] : "\(span[0]) – \(span[1])",
                       familyQuery: URLQuery.encode(family.name))
        }
    }
}

struct DocumentPage {
    var id: String
    var idQuery: String
    var version: Int
    var latestVersion: Int
    var versions: [Int]
    var title: String?
    var date: String?
    var source: String?
    var url: String?
    var bytes: Int
    var family: String
    var familyQuery: String
    var hasText: Bool
    var text: String

    init(_ stored: StoredVersion) {
        id = stored.documentID
        idQuery = URLQuery.encode(stored.documentID)
        version = stored.version
        latestVersion = stored.latestVersion
        versions = Array(1...max(1, stored.latestVersion))
        title = stored.title
        date = stored.date
        source = stored.source
        url = stored.url
        bytes = stored.bytes
        family = stored.family
        familyQuery = URLQuery.encode(stored.family)
        hasText = stored.text != nil
        text = stored.text ?? ""
    }
}
