import StemmaCore
import Foundation
import StemmaIO
import StemmaTestSupport
import Testing

/// Directory inputs, walked as ripgrep walks them (issue 11).
@Suite struct ReadContextDirectoryTests {
    let scratch: ScratchDirectory
    let fileManager = FileManager.default

    init() throws {
        scratch = try ScratchDirectory(prefix: "stemma-walk")
    }

    func path(_ relative: String) -> String { scratch.url.appendingPathComponent(relative).path }

    func file(_ relative: String, _ text: String = "Some text.") throws {
        let url = scratch.url.appendingPathComponent(relative)
        try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func link(_ relative: String, to destination: String) throws {
        try fileManager.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
    }

    func read(_ input: String, follow: Bool = false) throws -> (ids: [String], issues: [String]) {
        var ids: [String] = []
        var issues: [String] = []
        try CorpusReader(inputs: [input], options: CorpusOptions(followLinks: follow))
            .forEach(report: { issues.append($0.description) }) { ids.append($0.id) }
        return (ids, issues)
    }

    /// A directory given through a symbolic link read 0 documents, with exit 0.
    @Test func issue11_symlinkedRootIsFollowed() throws {
        try file("real/a.txt")
        try file("real/sub/b.md")
        try link("alias", to: path("real"))
        let (ids, issues) = try read(path("alias"))
        #expect(ids == ["a.txt", "sub/b.md"])
        #expect(issues.isEmpty)
    }

    /// Links inside are skipped without a word unless followed; followed, they read as what they
    /// point at, under their own names.
    @Test func issue11_linksInsideFollowOnlyWhenAsked() throws {
        try file("corpus/a.txt")
        try file("elsewhere/linked.txt")
        try file("elsewhere/dir/c.txt")
        try link("corpus/l.txt", to: path("elsewhere/linked.txt"))
        try link("corpus/ld", to: path("elsewhere/dir"))
        let plain = try read(path("corpus"))
        #expect(plain.ids == ["a.txt"] && plain.issues.isEmpty)
        let followed = try read(path("corpus"), follow: true)
        #expect(followed.ids == ["a.txt", "l.txt", "ld/c.txt"] && followed.issues.isEmpty)
    }

    /// Every entry that cannot be read is reported, path and reason, and the walk goes on. Tests
    /// run as root, for whom `chmod 000` hides nothing, so the entries root cannot read either are
    /// used: a followed link to nothing, a FIFO named like text, and a link loop. Permission
    /// failures are checked only when not root (`getuid() != 0`).
    @Test func issue11_unreadableEntriesAreReportedAndSkipped() throws {
        try file("corpus/a.txt")
        try file("corpus/z.txt")
        try link("corpus/dangling.txt", to: path("nowhere.txt"))
        try fileManager.createDirectory(atPath: path("corpus/sub"), withIntermediateDirectories: true)
        try link("corpus/sub/up", to: path("corpus"))
        #expect(mkfifo(path("corpus/pipe.txt"), 0o644) == 0)
        if getuid() != 0 {
            try file("corpus/locked/hidden.txt")
            try file("corpus/secret.txt")
            #expect(chmod(path("corpus/locked"), 0) == 0 && chmod(path("corpus/secret.txt"), 0) == 0)
        }
        defer { _ = chmod(path("corpus/locked"), 0o755) }

        let plain = try read(path("corpus"))
        #expect(plain.ids == ["a.txt", "z.txt"])
        #expect(plain.issues.contains("\(path("corpus/pipe.txt")): cannot read: not a regular file (skipped)"))
        #expect(!plain.issues.contains { $0.contains("dangling") || $0.contains("up") })  // links: not followed, silent

        let followed = try read(path("corpus"), follow: true)
        #expect(followed.ids == ["a.txt", "z.txt"])
        #expect(followed.issues.contains {
            $0.hasPrefix("\(path("corpus/dangling.txt")): cannot read: symbolic link to nothing readable") && $0.hasSuffix("(skipped)")
        })
        #expect(followed.issues.contains("\(path("corpus/sub/up")): cannot read: symbolic link loop: it leads back to a directory above it (skipped)"))
        if getuid() != 0 {
            #expect(plain.issues.contains { $0.hasPrefix(path("corpus/locked")) && $0.contains("Permission denied") })
            #expect(plain.issues.contains { $0.hasPrefix(path("corpus/secret.txt")) && $0.contains("Permission denied") })
        }
    }

    @Test func issue11_byteOrderMarkAndOriginsInADirectory() throws {
        let url = scratch.url.appendingPathComponent("bom/a.txt")
        try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data([0xEF, 0xBB, 0xBF] + Array("Text.".utf8)).write(to: url)
        var records: [CorpusRecord] = []
        try CorpusReader(inputs: [path("bom")]).forEach(report: { _ in }) { records.append($0) }
        #expect(records.map { String(decoding: $0.text, as: UTF8.self) } == ["Text."])
        #expect(records.first?.origin?.offset == 3 && records.first?.origin?.length == 5)
    }
}

/// Files a directory holds that no reader takes, named instead of skipped in silence (issue 12).
@Suite struct ReadContextSkippedFilesTests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory(prefix: "stemma-skipped")
    }

    func file(_ relative: String) throws {
        let url = scratch.url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("Some text about the harbor bridge.".utf8).write(to: url)
    }

    func read() throws -> (ids: [String], issues: [CorpusIssue]) {
        var ids: [String] = []
        var issues: [CorpusIssue] = []
        try CorpusReader(inputs: [scratch.path]).forEach(report: { issues.append($0) }) { ids.append($0.id) }
        return (ids, issues)
    }

    @Test func issue12_unreadableKindsAreCountedAndNamed() throws {
        for name in ["a.txt", "page.html", "sub/scan.pdf", "sub/photo.png", ".hidden.html"] { try file(name) }
        let (ids, issues) = try read()
        #expect(ids == ["a.txt"])
        #expect(issues.map(\.description) == ["warning: \(scratch.path)/: 3 files no reader takes, skipped: page.html, sub/photo.png, sub/scan.pdf"])
        #expect(issues.allSatisfy { !$0.isSkipped })  // a warning: the exit status stays 0
    }

    @Test func issue12_theWarningNamesAFewAndCountsTheRest() throws {
        for number in 0..<8 { try file("page\(number).html") }
        let (_, issues) = try read()
        #expect(issues.map(\.description) == [
            "warning: \(scratch.path)/: 8 files no reader takes, skipped: page0.html, page1.html, page2.html, page3.html, page4.html and 3 more",
            "warning: \(scratch.path): 0 documents",
        ])
    }

    /// A walk reads text files; record files inside are named, since reading them would change
    /// what a directory input means.
    @Test func issue12_recordFilesInsideADirectoryAreNamed() throws {
        for name in ["a.txt", "data.jsonl", "table.csv.gz"] { try file(name) }
        let (ids, issues) = try read()
        #expect(ids == ["a.txt"])
        #expect(issues.map(\.description) == [
            "warning: \(scratch.path)/: 2 files of JSONL or CSV records (name them as inputs to read them), skipped: data.jsonl, table.csv.gz",
        ])
    }
}
