import Foundation
import GRDB
import StemmaCore
@testable import StemmaStore
import StemmaTestSupport
import Testing

@Suite struct ContentHashAlgorithmTests {
    func document(_ id: String, _ text: String) -> Document {
        Document(id: id, text: Array(text.utf8))
    }

    func temporaryPath() -> String {
        ScratchDirectory.root.appendingPathComponent("stemma-hash-\(UUID().uuidString).db").path
    }

    let texts = ["The harbor bridge closes for repairs on Monday, the city said.",
                 "Rain is expected across the north of the country through the weekend."]

    func storedHashes(_ path: String) throws -> [Int64] {
        try DatabaseQueue(path: path).read { try Int64.fetchAll($0, sql: "SELECT contentHash FROM documentVersion ORDER BY id") }
    }

    @Test func newStoresRecordAndUseTheLaneHash() throws {
        #expect(try Store.empty().contentHash == .laneHash)
        let path = temporaryPath()
        let store = try Store.open(path: path)
        #expect(store.contentHash == .laneHash)
        #expect(try store.add([document("a", texts[0]), document("b", texts[1])]) == [.added, .added])
        let recorded = try DatabaseQueue(path: path).read {
            try String.fetchOne($0, sql: "SELECT value FROM storeInfo WHERE key = 'contentHash'")
        }
        #expect(recorded == "lanehash-1")
        #expect(try storedHashes(path) == texts.map { Int64(bitPattern: LaneHash.hash(Array($0.utf8))) })
        #expect(try Store.open(path: path).add([document("a", texts[0]), document("b", texts[1] + " Updated.")])
            == [.unchanged(1), .newVersion(2)])
    }

    /// A store made before the `contentHash` record holds FNV-1a hashes; it must keep using them,
    /// or every re-added text would count as a new version.
    @Test func storesWithoutTheRecordKeepFNV() throws {
        let path = temporaryPath()
        _ = try Store.open(path: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "DELETE FROM storeInfo WHERE key = 'contentHash'") }
        let old = try Store.open(path: path)
        #expect(old.contentHash == .fnv1a)
        #expect(try old.add([document("a", texts[0]), document("b", texts[1])]) == [.added, .added])
        #expect(try storedHashes(path) == texts.map { Int64(bitPattern: StableHash.hash(Array($0.utf8))) })

        let reopened = try Store.open(path: path)
        #expect(reopened.contentHash == .fnv1a)
        #expect(try reopened.add([document("a", texts[0]), document("b", texts[1])]) == [.unchanged(1), .unchanged(1)])
        #expect(try reopened.add([document("a", texts[0] + " Corrected.")]) == [.newVersion(2)])
        let recorded = try DatabaseQueue(path: path).read {
            try String.fetchOne($0, sql: "SELECT value FROM storeInfo WHERE key = 'contentHash'")
        }
        #expect(recorded == nil)
    }

    @Test func anUnknownAlgorithmIsRefused() throws {
        let path = temporaryPath()
        _ = try Store.open(path: path)
        try DatabaseQueue(path: path).write {
            try $0.execute(sql: "UPDATE storeInfo SET value = 'sha3-9000' WHERE key = 'contentHash'")
        }
        #expect(throws: StoreError.newerSchema(path: path)) { try Store.open(path: path) }
    }
}
