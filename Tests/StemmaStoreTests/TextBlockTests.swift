import Foundation
import GRDB
import StemmaCore
@testable import StemmaStore
import StemmaTestSupport
import Testing

/// Texts stored compressed in blocks: read back byte for byte, never stored twice, and a block
/// that does not decode to its recorded length (or a text outside its block) reported as damaged.
@Suite struct TextBlockTests {
    func temporaryPath() -> String {
        ScratchDirectory.root.appendingPathComponent("stemma-texts-\(UUID().uuidString).db").path
    }

    static let corpus: [Document] = {
        var generator = CorpusGenerator(seed: 11)
        return generator.documents(count: 120).map { Document(id: $0.id, text: Array($0.text.utf8), date: $0.date) }
    }()

    /// Letters drawn at random: LZ4, which has no entropy coder, cannot shrink them.
    static func randomLetters(count: Int, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: 0x61...0x7A, using: &rng) }
    }

    func blocks(in path: String) throws -> (count: Int, codecs: Set<Int>, bytes: Int, inline: Int) {
        try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM textBlock") ?? 0,
             Set(try Int.fetchAll(db, sql: "SELECT DISTINCT codec FROM textBlock")),
             try Int.fetchOne(db, sql: "SELECT coalesce(sum(bytes), 0) FROM textBlock") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM documentVersion WHERE text IS NOT NULL") ?? 0)
        }
    }

    func expectTexts(_ documents: some Sequence<Document>, in store: Store, number: Int? = nil) throws {
        for document in documents {
            let stored = try #require(try store.version(of: document.id, number: number))
            #expect(stored.text.map { Array($0.utf8) } == document.text, "text of \(document.id)")
        }
    }

    @Test func textsRoundTripThroughCompressedAndStoredBlocks() throws {
        let path = temporaryPath()
        let store = try Store.open(path: path)
        let long = Document(id: "long", text: Array(String(repeating: "A long wire story, paragraph after paragraph. ", count: 4_000).utf8))
        let noise = Document(id: "noise", text: Self.randomLetters(count: 70_000, seed: 3))
        let documents = Self.corpus + [long, noise, Document(id: "accents", text: Array("Café — naïve «quote» 東京".utf8))]
        _ = try store.add(documents)
        try expectTexts(documents, in: store)
        let blocks = try blocks(in: path)
        #expect(blocks.count >= 3)
        #expect(blocks.codecs == [TextBlock.Codec.stored.rawValue, TextBlock.Codec.lz4.rawValue])
        #expect(blocks.bytes == documents.reduce(0) { $0 + $1.text.count })
        #expect(blocks.inline == 0)
    }

    @Test func unchangedTextsAreNotStoredAgain() throws {
        let path = temporaryPath()
        let store = try Store.open(path: path)
        let first = Array(Self.corpus.prefix(40))
        _ = try store.add(first)
        var edited = first[7]
        edited.text += Array(" A paragraph added later.".utf8)
        // One batch: unchanged documents between a new one and a new version.
        let second = Array(first.prefix(20)) + [Self.corpus[40], edited] + Array(first[20...])
        let outcomes = try store.add(second)
        #expect(outcomes.filter { $0 == .unchanged(1) }.count == 40)
        #expect(outcomes[20] == .added && outcomes[21] == .newVersion(2))
        let blocks = try blocks(in: path)
        #expect(blocks.bytes == first.reduce(0) { $0 + $1.text.count } + Self.corpus[40].text.count + edited.text.count)
        try expectTexts(first.filter { $0.id != edited.id } + [Self.corpus[40], edited], in: store)
        try expectTexts([first[7]], in: store, number: 1)
    }

    @Test func batchesPreparedWithoutTextsAreCompressedByTheWriter() throws {
        let store = try Store.empty()
        let documents = Array(Self.corpus.prefix(30))
        _ = try store.add(store.prepare(documents, keepText: false), keepText: true)
        try expectTexts(documents, in: store)
        let textless = try Store.empty()
        _ = try textless.add(documents, keepText: false)
        #expect(try textless.version(of: documents[0].id)?.text == nil)
    }

    @Test func damagedBlocksAreReported() throws {
        let path = temporaryPath()
        let store = try Store.open(path: path)
        let documents = Array(Self.corpus.prefix(3))
        _ = try store.add(documents)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE textBlock SET data = zeroblob(100)") }
        #expect(throws: StoreError.self) { try store.version(of: documents[0].id) }
        try queue.write { try $0.execute(sql: "UPDATE textBlock SET codec = 9") }
        let error = #expect(throws: StoreError.self) { try store.version(of: documents[1].id) }
        #expect(error?.description.contains("unknown codec 9") == true)
        try queue.write { try $0.execute(sql: "UPDATE documentVersion SET textOffset = 1000000") }
        #expect(throws: StoreError.self) { try store.history(of: documents[2].id) }
    }

    @Test func compressionFallsBackToStoredBytes() throws {
        let noise = Self.randomLetters(count: 5_000, seed: 9)
        let block = TextBlock.block(of: [0, 1], texts: [noise, []])
        #expect(block.codec == .stored && block.data == noise && block.offsets == [0, 5_000])
        let prose = Array(String(repeating: "The council met on Tuesday. ", count: 200).utf8)
        let compressed = TextBlock.block(of: [0], texts: [prose])
        #expect(compressed.codec == .lz4 && compressed.data.count < prose.count / 4)
        #expect(try TextBlock.decompressed(id: 1, codec: 1, bytes: prose.count, data: compressed.data) == prose)
        #expect(throws: StoreError.corruptTextBlock(id: 1, reason: "\(prose.count) bytes decompressed, \(prose.count + 1) recorded")) {
            try TextBlock.decompressed(id: 1, codec: 1, bytes: prose.count + 1, data: compressed.data)
        }
    }

    /// Stemma's LZ4 block codec on the cases its format rules are about: inputs too short to
    /// match, the last 5 bytes, literal and match lengths past 15 and 270, overlapping matches.
    @Test func lz4RoundTripsEveryShape() throws {
        var rng = SplitMix64(seed: 21)
        var inputs: [[UInt8]] = (0...40).map { Array(repeating: UInt8(ascii: "a"), count: $0) }
        inputs += (0...40).map { count in (0..<count).map { _ in UInt8.random(in: 0x61...0x64, using: &rng) } }
        inputs.append(Array(String(repeating: "ab", count: 5_000).utf8))
        inputs.append(Self.randomLetters(count: 600, seed: 5) + Array(repeating: 0x20, count: 600) + Self.randomLetters(count: 600, seed: 5))
        inputs.append(Array(try Fixtures.oldSeed().utf8) + Array(try Fixtures.newSeed().utf8))
        inputs.append(Self.randomLetters(count: 200_000, seed: 8) + Self.randomLetters(count: 200_000, seed: 8))
        for input in inputs {
            let (codec, data) = input.withUnsafeBufferPointer(TextBlock.compressed)
            let back = try TextBlock.decompressed(id: 1, codec: codec.rawValue, bytes: input.count, data: data)
            #expect(back == input, "\(input.count) bytes, \(codec)")
        }
    }

    /// Damaged LZ4 data is refused without reading or writing out of bounds.
    @Test func lz4RefusesDamagedBlocks() throws {
        let prose = Array(try Fixtures.oldSeed().utf8)
        let (codec, data) = prose.withUnsafeBufferPointer(TextBlock.compressed)
        #expect(codec == .lz4)
        var rng = SplitMix64(seed: 2)
        for _ in 0..<2_000 {
            var damaged = data
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                damaged[Int.random(in: 0..<damaged.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng) { damaged.removeLast(Int.random(in: 0..<damaged.count, using: &rng)) }
            // Either refused, or (a byte changed inside literals) the right length with other bytes.
            if let back = try? TextBlock.decompressed(id: 1, codec: 1, bytes: prose.count, data: damaged) {
                #expect(back.count == prose.count)
            }
        }
        #expect(throws: StoreError.corruptTextBlock(id: 1, reason: "invalid LZ4 data")) { try TextBlock.decompressed(id: 1, codec: 1, bytes: 10, data: []) }
        #expect(throws: StoreError.corruptTextBlock(id: 1, reason: "1 bytes decompressed, 10 recorded")) { try TextBlock.decompressed(id: 1, codec: 1, bytes: 10, data: [0x10, 0x61]) }
    }
}
