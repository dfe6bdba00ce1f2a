public import StemmaCore
import Foundation
import GRDB

extension Store {
    /// The versions of the family of `documentID`, oldest first: by date, with undated versions
    /// after the dated versions added before them. Each version's parent is the earlier version
    /// nearest to it by edit size (bytes inserted plus deleted), or by signature similarity when
    /// texts were not kept.
    ///
    /// - Returns: nil when the id is not indexed.
    public func history(of documentID: String) throws -> [HistoryEntry]? {
        let rows = try writer.read { db -> [(Row, String?)]? in
            guard let family = try String.fetchOne(db, sql: "SELECT family FROM document WHERE id = ?", arguments: [documentID]) else {
                return nil
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT v.id AS rowID, v.documentId, v.number, coalesce(v.date, d.date) AS date, v.bytes, v.text, v.textBlock,
                       v.textOffset, v.signature
                FROM documentVersion v JOIN document d ON d.id = v.documentId
                WHERE d.family = ? ORDER BY v.id
                """, arguments: [family])
            var texts = StoredTextReader(db: db)
            return try rows.map { ($0, try texts.text(of: $0)) }
        }
        guard let rows else { return nil }
        let ordered = Self.chronological(rows)
        var entries: [HistoryEntry] = []
        var texts: [String?] = []
        var signatures: [[UInt32]] = []
        for (row, text) in ordered {
            let signature = try SignatureBlob.decode(row.checked("signature"), seed: parameters.seed, permutations: parameters.permutations)
            var entry = HistoryEntry(documentID: row["documentId"], version: row["number"], date: row["date"], parent: nil,
                                     changes: [:], tags: [:], editedBytes: nil)
            if !entries.isEmpty {
                let (parent, diff, edited) = nearestEarlier(text: text, signature: signature, texts: texts, signatures: signatures)
                entry.parent = parent
                entry.editedBytes = edited
                if let diff {
                    for operation in diff.operations {
                        entry.changes[operation.kind, default: 0] += 1
                        for tag in operation.tags { entry.tags[tag, default: 0] += 1 }
                    }
                }
            }
            entries.append(entry)
            texts.append(text)
            signatures.append(signature)
        }
        return entries
    }

    /// Rows ordered by date. An undated row is placed after the dated rows inserted before it, and
    /// never before the family's earliest dated row: a copy without a date follows the dated
    /// original it was found with.
    static func chronological<Item>(_ items: [(Row, Item)]) -> [(Row, Item)] {
        var lastDate = items.compactMap { $0.0["date"] as String? }.min() ?? ""
        let keyed = items.map { item -> (String, Int, Int64, (Row, Item)) in
            let date = item.0["date"] as String?
            if let date { lastDate = max(lastDate, date) }
            return (date ?? lastDate, date == nil ? 1 : 0, item.0["rowID"], item)
        }
        return keyed.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
    }

    /// At most this many earlier versions, the most similar by signature, are diffed with a
    /// version: a family of hundreds of copies of a wire story would otherwise diff each copy with
    /// every earlier one. The version an edit derives from shares the most shingles with it.
    static let diffedCandidates = 8

    /// The earlier version nearest to this one, with the diff from it when texts were kept.
    func nearestEarlier(text: String?, signature: [UInt32], texts: [String?], signatures: [[UInt32]]) -> (Int, VersionDiff?, Int?) {
        var best: (index: Int, diff: VersionDiff?, edited: Int?, score: Double) = (texts.count - 1, nil, nil, .infinity)
        for index in Self.mostSimilar(to: signature, among: signatures, limit: Self.diffedCandidates) {
            if let text, let earlier = texts[index] {
                let diff = VersionDiff(old: earlier, new: text)
                let copied = diff.editScript().copiedByteCount
                let edited = (diff.new.bytes.count - copied) + max(0, diff.old.bytes.count - copied)
                if Double(edited) <= best.score { best = (index, diff, edited, Double(edited)) }
            } else if !signature.isEmpty, signatures[index].count == signature.count {
                let distance = 1 - MinHasher.estimatedJaccard(signature, signatures[index])
                if distance <= best.score { best = (index, nil, nil, distance) }
            }
        }
        return (best.index, best.diff, best.edited)
    }

    /// The indices of the `limit` signatures most similar to `signature` (the later one of equals
    /// first), in ascending order; all of them when there are no more than `limit`.
    static func mostSimilar(to signature: [UInt32], among signatures: [[UInt32]], limit: Int) -> [Int] {
        guard signatures.count > limit, !signature.isEmpty else { return Array(signatures.indices) }
        let scored = signatures.indices.map { index in
            (index, signatures[index].count == signature.count ? MinHasher.estimatedJaccard(signature, signatures[index]) : -1)
        }
        return scored.sorted { ($0.1, $0.0) > ($1.1, $1.0) }.prefix(limit).map(\.0).sorted()
    }
}
