import Foundation
import GRDB
import StemmaCore
@testable import StemmaStore
import StemmaTestSupport
import Testing

/// A store whose file was damaged or edited gives a `StoreError`, never a trap or an allocation of
/// whatever a length field says (issue 11, item 5).
@Suite struct TamperedStoreTests {
    func filledStore() throws -> (path: String, store: Store) {
        let path = ScratchDirectory.root.appendingPathComponent("stemma-tampered-\(UUID().uuidString).db").path
        let store = try Store.open(path: path)
        var generator = CorpusGenerator(seed: 5)
        _ = try store.add(generator.documents(count: 30).map { Document(id: $0.id, text: Array($0.text.utf8), date: $0.date) })
        return (path, store)
    }

    func tamper(_ path: String, _ sql: String) throws {
        try DatabaseQueue(path: path).write { try $0.execute(sql: sql) }
    }

    @Test(arguments: ["-1", "9e11", "900000000000", "'many'", "x'00'"])
    func issue11_tamperedTextBlockLengthIsAnError(value: String) throws {
        let (path, _) = try filledStore()
        try tamper(path, "UPDATE textBlock SET bytes = \(value)")
        let store = try Store.open(path: path)
        let id = try #require(try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT id FROM document LIMIT 1") })
        #expect(throws: StoreError.self) { _ = try store.version(of: id) }
    }

    @Test func issue11_tamperedTextLengthAndOffsetAreErrors() throws {
        let (path, _) = try filledStore()
        try tamper(path, "UPDATE documentVersion SET bytes = -5")
        let store = try Store.open(path: path)
        let id = try #require(try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT id FROM document LIMIT 1") })
        #expect(throws: StoreError.self) { _ = try store.version(of: id) }
        try tamper(path, "UPDATE documentVersion SET bytes = 10, textOffset = 'x'")
        #expect(throws: StoreError.self) { _ = try store.version(of: id) }
    }

    @Test func issue11_truncatedSignatureIsAnErrorNotADocumentThatNeverMatches() throws {
        let (path, _) = try filledStore()
        let text = try #require(try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT id FROM document ORDER BY id LIMIT 1")
        })
        let stored = try #require(try Store.open(path: path).version(of: text)?.text)
        try tamper(path, "UPDATE documentVersion SET signature = substr(signature, 1, 100)")
        let store = try Store.open(path: path)
        #expect(throws: StoreError.corruptValue(column: "signature", reason: "100 bytes, not 524")) {
            _ = try store.matches(for: Array(stored.utf8))
        }
    }

    @Test func issue11_aValueOfTheWrongTypeIsAnError() throws {
        let (path, _) = try filledStore()
        let id = try #require(try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT id FROM document ORDER BY id LIMIT 1") })
        let stored = try #require(try Store.open(path: path).version(of: id)?.text)
        try tamper(path, "UPDATE documentVersion SET shingles = 'many'")
        let store = try Store.open(path: path)
        #expect(throws: StoreError.self) { _ = try store.matches(for: Array(stored.utf8)) }
    }
}

/// A store that cannot be opened says why, in words (issue 11, item 18).
@Suite struct StoreOpeningTests {
    let folder = ScratchDirectory.root.appendingPathComponent("stemma-open-\(UUID().uuidString)")

    @Test func issue11_aMissingFolderIsNamed() {
        let path = folder.appendingPathComponent("missing/index.db").path
        #expect(throws: StoreError.cannotOpen(path: path, reason: "no such folder \(folder.path)/missing")) { try Store.open(path: path) }
    }

    @Test func issue11_aDirectoryIsNotADatabase() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(throws: StoreError.cannotOpen(path: folder.path, reason: "is a directory")) { try Store.open(path: folder.path) }
    }

    @Test func issue11_readOnlyOpenOfAMissingStoreSaysHowToCreateIt() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("none.db").path
        #expect(throws: StoreError.cannotOpen(path: path, reason: "no such index; create it with stemma index add")) {
            try Store.open(path: path, readOnly: true)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func issue11_aReadOnlyOpenReadsAndNeverWrites() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("ro.db").path
        do {
            let store = try Store.open(path: path)
            _ = try store.add([Document(id: "a", text: Array("One text of the story, long enough to sketch.".utf8))])
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try Store.open(path: path, readOnly: true)
        #expect(try store.version(of: "a")?.text == "One text of the story, long enough to sketch.")
        #expect(throws: StoreError.readOnly(path: path)) { _ = try store.add([Document(id: "b", text: Array("Another.".utf8))]) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
