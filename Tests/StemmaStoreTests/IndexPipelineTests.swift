import Foundation
import StemmaCore
import StemmaStore
import StemmaTestSupport
import Testing

/// Issue 12: the index pipeline as a library, and store parameters checked before anything is written.
@Suite struct IndexPipelineTests {
    func document(_ id: String, _ text: String) -> Document { Document(id: id, text: Array(text.utf8)) }

    @Test func issue12_pipelineTalliesAndReportsOutcomesInOrder() throws {
        let store = try Store.empty()
        let texts = (0..<10).map { "Document \($0) says something of its own about the harbor bridge, number \($0)." }
        let first = IndexPipeline(store: store, documentsPerTransaction: 3)
        for (index, text) in texts.enumerated() { try first.add(document("d\(index)", text)) }
        let tally = try first.finish()
        #expect(tally == { var t = AddTally(); t.added = 10; return t }())
        #expect(first.takeOutcomes() == Array(repeating: .added, count: 10))

        let second = IndexPipeline(store: store)
        try second.add(document("d0", texts[0]))
        try second.add(document("d1", texts[1] + " A sentence added later."))
        try second.add(document("d1", texts[1] + " A sentence added later."))
        #expect(try second.finish().description == "0 added, 1 new version, 2 unchanged")
        // An unchanged text says which version holds it.
        #expect(second.takeOutcomes() == [.unchanged(1), .newVersion(2), .unchanged(2)])
        let counts = try store.counts()
        #expect(counts.documents == 10 && counts.versions == 11)
    }

    @Test func issue12_invalidParametersLeaveNoFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-params-\(UUID().uuidString).db").path
        #expect(throws: SketchError.invalidShingleSize(20)) {
            try Store.open(path: path, requesting: StoreParameters.Request(shingleSize: 20))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func issue12_aPartialRequestTakesTheRestFromTheStore() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-params-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let made = StoreParameters(permutations: 256)
        _ = try Store.open(path: path, parameters: made)
        let reopened = try Store.open(path: path, requesting: StoreParameters.Request(threshold: 0.5), readOnly: true)
        #expect(reopened.parameters == made)
        #expect(throws: StoreError.parametersMismatch(path: path, stored: made.description, requested: "--permutations 128")) {
            try Store.open(path: path, requesting: StoreParameters.Request(permutations: 128), readOnly: true)
        }
    }
}
