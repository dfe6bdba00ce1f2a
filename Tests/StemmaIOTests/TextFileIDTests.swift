import StemmaCore
import Foundation
import StemmaIO
import Testing

@Suite struct TextFileIDTests {
    @Test(arguments: [
        ("x.txt", "x.txt"), ("./x.txt", "x.txt"), ("sub/../x.txt", "x.txt"), ("../dir/x.txt", "x.txt"), ("/home/me/dir/x.txt", "x.txt"),
        ("//home/me/dir//./x.txt", "x.txt"), ("sub/y.txt", "sub/y.txt"), ("../other/x.txt", "/home/me/other/x.txt"),
        ("/data/x.txt", "/data/x.txt"), ("../../../../x.txt", "/x.txt"), ("-", "-"),
    ])
    func issue12_oneIDHoweverTheFileIsNamed(path: String, id: String) {
        #expect(TextFileID.of(path, currentDirectory: "/home/me/dir") == id)
    }

    @Test func issue12_theRootAsCurrentDirectoryGivesRelativeIDs() {
        #expect(TextFileID.of("/data/x.txt", currentDirectory: "/") == "data/x.txt")
        #expect(TextFileID.of("data/./x.txt", currentDirectory: "/") == "data/x.txt")
    }

    /// The reader gives a text file the same id by every name.
    @Test func issue12_theReaderNormalizesATextFileID() throws {
        let directory = FileManager.default.currentDirectoryPath
        let name = "stemma-id-\(UUID().uuidString).txt"
        try Data("A short text.".utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        defer { try? FileManager.default.removeItem(atPath: directory + "/" + name) }
        var ids: [String] = []
        try CorpusReader(inputs: [name, "./" + name, directory + "/" + name]).forEach(report: { _ in }) { ids.append($0.id) }
        // The reader renames repeats: the same id three times reads as ID, ID#2, ID#3.
        #expect(ids == [name, name + "#2", name + "#3"])
    }
}
