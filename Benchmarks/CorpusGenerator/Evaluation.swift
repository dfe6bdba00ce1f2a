import Foundation
import StemmaCore

/// Pair precision and recall of reported pairs against exact Jaccard.
enum Evaluation {
    struct Record: Decodable {
        var id: String
        var text: String
        var family: String
    }

    static func run(corpus: String, pairs: String, threshold: Double, shingle: Int) throws {
        let decoder = JSONDecoder()
        var sets: [String: [UInt64]] = [:]
        var families: [String: [String]] = [:]
        for line in try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n") {
            let record = try decoder.decode(Record.self, from: Data(line.utf8))
            var hashes: [UInt64] = []
            var text = record.text
            text.withUTF8 { _ = Shingles.appendHashes(inUTF8: $0, count: shingle, to: &hashes) }
            sets[record.id] = Shingles.sortedUnique(hashes)
            families[record.family, default: []].append(record.id)
        }
        func jaccard(_ a: String, _ b: String) -> Double {
            guard let x = sets[a], let y = sets[b] else { return 0 }
            let shared = Double(ShingleOverlap(old: x, new: y).sharedCount)
            let union = Double(x.count + y.count) - shared
            return union == 0 ? 0 : shared / union
        }
        func key(_ a: String, _ b: String) -> String { a < b ? "\(a)\t\(b)" : "\(b)\t\(a)" }
        var truth = Set<String>()
        var familyPairs = 0
        for members in families.values where members.count > 1 {
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    familyPairs += 1
                    if jaccard(members[i], members[j]) >= threshold { truth.insert(key(members[i], members[j])) }
                }
            }
        }
        var reported = Set<String>()
        for line in try String(contentsOfFile: pairs, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("{") {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    object["type"] as? String == "pair", let a = object["a"] as? String, let b = object["b"] as? String
                else { continue }
                reported.insert(key(a, b))
            } else {
                let fields = line.split(separator: "\t").map(String.init)
                if fields.count >= 2 { reported.insert(key(fields[0], fields[1])) }
            }
        }
        // A reported pair across families that truly reaches the threshold counts as true.
        var correct = 0
        for pair in reported {
            let ids = pair.split(separator: "\t").map(String.init)
            if jaccard(ids[0], ids[1]) >= threshold {
                correct += 1
                truth.insert(pair)
            }
        }
        let found = reported.intersection(truth).count
        let precision = reported.isEmpty ? 1 : Double(correct) / Double(reported.count)
        let recall = truth.isEmpty ? 1 : Double(found) / Double(truth.count)
        print(#"{"documents": \#(sets.count), "familyPairs": \#(familyPairs), "truePairs": \#(truth.count), "reported": \#(reported.count), "precision": \#(precision), "recall": \#(recall)}"#)
    }
}
