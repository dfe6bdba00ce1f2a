public import StemmaCore

extension Store {
    /// The diff from each matched version to `text`, for match summaries and `--diff`; nil where
    /// the index keeps no text (it was filled with `keepText: false`).
    ///
    /// - Complexity: one diff per match: far more than the match itself, so callers ask for it.
    public func diffs(from matches: [IndexMatch], to text: [UInt8]) throws -> [VersionDiff?] {
        try matches.map { match in
            try version(of: match.documentID, number: match.version)?.text.map { VersionDiff(oldBytes: Array($0.utf8), newBytes: text) }
        }
    }
}
