public import StemmaCore
import Foundation
import GRDB

extension Store {
    /// A window of a family's history: some of its versions, oldest first, and where they sit in
    /// the whole history.
    ///
    /// Each entry's `parent` is a position in the whole history, not in `entries`, so that every
    /// page names a version the same way and a parent may lie on an older page.
    public struct HistoryPage: Sendable {
        /// The versions of the window, oldest first.
        public var entries: [HistoryEntry]
        /// The position in the whole history of `entries[0]` (of the window's end when empty).
        public var start: Int
        /// The number of versions in the whole family.
        public var total: Int
    }

    /// The whole history of the family of `documentID`; see ``history(of:limit:offset:isCancelled:)``.
    ///
    /// - Returns: nil when the id is not indexed.
    public func history(of documentID: String) throws -> [HistoryEntry]? {
        try history(of: documentID, limit: .max).map(\.entries)
    }

    /// The newest versions of the family of `documentID`, skipping the `offset` newest, oldest first.
    ///
    /// Versions are ordered by date, with undated versions after the dated versions added before
    /// them. Each version's parent is the earlier version nearest to it by edit size (bytes
    /// inserted plus deleted), or by signature similarity when texts were not kept; it is chosen
    /// among all earlier versions, so it does not depend on the window.
    ///
    /// ```swift
    /// let newest = try store.history(of: "wt-2022-03-02", limit: 50)             // versions total-50 ..< total
    /// let older = try store.history(of: "wt-2022-03-02", limit: 50, offset: 50)  // the 50 before those
    /// ```
    ///
    /// - Parameters:
    ///   - limit: The most versions to return; values below 1 count as 1.
    ///   - offset: How many of the newest versions to skip.
    ///   - isCancelled: Polled between versions; work that runs off a task (on a thread pool)
    ///     passes a flag its task's cancellation sets.
    /// - Returns: nil when the id is not indexed.
    /// - Throws: `CancellationError` once `isCancelled` answers true.
    /// - Complexity: Reading the family is O(*n*); each returned version is compared by signature
    ///   with every earlier one, O(*n*) each, and diffed with at most ``diffedCandidates`` of them.
    public func history(of documentID: String, limit: Int, offset: Int = 0,
                        isCancelled: () -> Bool = { Task.isCancelled }) throws -> HistoryPage? {
        guard let versions = try historyVersions(of: documentID, isCancelled: isCancelled) else { return nil }
        let end = max(0, versions.count - max(0, offset))
        let window = max(0, end - max(1, limit))..<end
        let signatures = versions.map(\.signature)
        var candidates: [[Int]] = []
        for position in window {
            if isCancelled() { throw CancellationError() }
            candidates.append(Self.mostSimilar(to: signatures[position], among: signatures[..<position], limit: Self.diffedCandidates))
        }
        let needed = Set(window).union(candidates.joined())
        let texts = try historyTexts(of: needed.map { versions[$0].rowID }, isCancelled: isCancelled)
        var entries: [HistoryEntry] = []
        for (position, candidates) in zip(window, candidates) {
            if isCancelled() { throw CancellationError() }
            entries.append(entry(at: position, of: versions, candidates: candidates, texts: texts))
        }
        return HistoryPage(entries: entries, start: window.lowerBound, total: versions.count)
    }

    /// One stored version of a family, without its text.
    struct HistoryVersion {
        var rowID: Int64
        var documentID: String
        var number: Int
        var date: String?
        var signature: [UInt32]
    }

    /// The versions of the family of `documentID` in history order; nil when it is not indexed.
    /// Texts are left out: a family of 100,000 copies would otherwise hold every text at once.
    ///
    /// A version's own date only: the document's date is its latest version's, and lending it to
    /// an undated earlier version showed that version as written on a later day (issue 12).
    func historyVersions(of documentID: String, isCancelled: () -> Bool) throws -> [HistoryVersion]? {
        let parameters = self.parameters
        let versions = try writer.read { db -> [HistoryVersion]? in
            guard let family = try String.fetchOne(db, sql: "SELECT family FROM document WHERE id = ?", arguments: [documentID]) else {
                return nil
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT v.id AS rowID, v.documentId, v.number, v.date, v.signature
                FROM documentVersion v JOIN document d ON d.id = v.documentId
                WHERE d.family = ? ORDER BY v.id
                """, arguments: [family])
            var versions: [HistoryVersion] = []
            while let row = try rows.next() {
                if versions.count % 4_096 == 0, isCancelled() { throw CancellationError() }
                let signature = try SignatureBlob.decode(row.checked("signature"), seed: parameters.seed, permutations: parameters.permutations)
                versions.append(HistoryVersion(rowID: try row.checked("rowID"), documentID: try row.checked("documentId"),
                                               number: try row.checked("number"), date: try row.checked("date"), signature: signature))
            }
            return versions
        }
        return versions.map(Self.chronological)
    }

    /// The texts of the versions with these row ids that have one. Read in row order, so that
    /// consecutive versions of a text block decompress it once.
    func historyTexts(of rowIDs: [Int64], isCancelled: () -> Bool) throws -> [Int64: String] {
        try writer.read { db in
            var reader = StoredTextReader(db: db)
            var texts: [Int64: String] = [:]
            let request = VersionRow.select(StoredTextLocation.databaseSelection)
            for (count, rowID) in rowIDs.sorted().enumerated() {
                if count % 256 == 0, isCancelled() { throw CancellationError() }
                guard let location = try StoredTextLocation.fetchOne(db, request.filter(key: rowID)) else { continue }
                texts[rowID] = try reader.text(at: location)
            }
            return texts
        }
    }

    /// Versions ordered by date. An undated version is placed after the dated versions inserted
    /// before it, and never before the family's earliest dated one: a copy without a date follows
    /// the dated original it was found with.
    static func chronological(_ versions: [HistoryVersion]) -> [HistoryVersion] {
        var lastDate = versions.compactMap(\.date).min() ?? ""
        let keyed = versions.map { version -> (String, Int, Int64, HistoryVersion) in
            if let date = version.date { lastDate = max(lastDate, date) }
            return (version.date ?? lastDate, version.date == nil ? 1 : 0, version.rowID, version)
        }
        return keyed.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
    }

    /// At most this many earlier versions, the most similar by signature, are diffed with a
    /// version: a family of hundreds of copies of a wire story would otherwise diff each copy with
    /// every earlier one. The version an edit derives from shares the most shingles with it.
    static let diffedCandidates = 8

    /// The entry of the version at `position`, its parent chosen among `candidates`.
    func entry(at position: Int, of versions: [HistoryVersion], candidates: [Int], texts: [Int64: String]) -> HistoryEntry {
        let version = versions[position]
        var entry = HistoryEntry(documentID: version.documentID, version: version.number, date: version.date)
        guard position > 0 else { return entry }
        let text = texts[version.rowID]
        var best: (index: Int, diff: VersionDiff?, edited: Int?, score: Double) = (position - 1, nil, nil, .infinity)
        for index in candidates {
            if let text, let earlier = texts[versions[index].rowID] {
                let diff = VersionDiff(old: earlier, new: text)
                let copied = diff.editScript().copiedByteCount
                let edited = (diff.new.bytes.count - copied) + max(0, diff.old.bytes.count - copied)
                if Double(edited) <= best.score { best = (index, diff, edited, Double(edited)) }
            } else if !version.signature.isEmpty, versions[index].signature.count == version.signature.count {
                let distance = 1 - MinHasher.estimatedJaccard(version.signature, versions[index].signature)
                if distance <= best.score { best = (index, nil, nil, distance) }
            }
        }
        entry.parent = best.index
        entry.editedBytes = best.edited
        for operation in best.diff?.operations ?? [] {
            entry.changes[operation.kind, default: 0] += 1
            for tag in operation.tags { entry.tags[tag, default: 0] += 1 }
        }
        return entry
    }

    /// The indices of the `limit` signatures most similar to `signature` (the later one of equals
    /// first), in ascending order; all of them when there are no more than `limit`, and the latest
    /// `limit` when `signature` is missing, so that such a version is not diffed with every other.
    ///
    /// - Complexity: O(*n* × `limit`) with a kept list of the best so far, rather than sorting all
    ///   *n* scores for each version of a long history.
    static func mostSimilar(to signature: [UInt32], among signatures: some RandomAccessCollection<[UInt32]>, limit: Int) -> [Int] {
        guard signatures.count > limit else { return Array(0..<signatures.count) }
        guard !signature.isEmpty else { return Array(signatures.count - limit..<signatures.count) }
        // Best first by (score, index) descending; later indices win ties, as they are seen last.
        var best: [(score: Double, index: Int)] = []
        best.reserveCapacity(limit + 1)
        for (offset, other) in signatures.enumerated() {
            let score = other.count == signature.count ? MinHasher.estimatedJaccard(signature, other) : -1
            if best.count == limit, let worst = best.last, score < worst.score { continue }
            let place = best.firstIndex { score >= $0.score } ?? best.endIndex
            best.insert((score, offset), at: place)
            if best.count > limit { best.removeLast() }
        }
        return best.map(\.index).sorted()
    }
}
