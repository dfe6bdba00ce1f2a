import Foundation
import HummingbirdTesting
import StemmaServer
import StemmaTestSupport
import Testing

/// Headless Chromium (Debian's `chromium`) on the diff page of the seed texts.
enum Chromium {
    /// The browser's path, when installed.
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// CI installs chromium, so there a missing browser fails the test instead of skipping it.
    static var shouldRun: Bool { path != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    /// The DOM after the page loaded and rendered, as `--dump-dom` prints it.
    static func dumpDOM(of url: String) throws -> String {
        let path = try #require(path, "chromium is not installed (apt-get install chromium)")
        let profile = ScratchDirectory.root.appendingPathComponent("stemma-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--dump-dom", url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: dom, as: UTF8.self)
    }
}

@Suite struct BrowserTests {
    // Generous: in the full parallel suite on 2 cores, Chromium and the page took 54 s once.
    @Test(.enabled(if: Chromium.shouldRun, "chromium is not installed"), .timeLimit(.minutes(5)))
    func chromiumShowsBillGertzInserted() async throws {
        let server = try TestServer.seeded()
        try await server.test(.live) { client in
            let port = try #require(client.port)
            let url = "http://127.0.0.1:\(port)/diff?old=\(TestServer.oldSeedID)&new=\(TestServer.newSeedID)"
            let dom = try await onOwnThread { try Chromium.dumpDOM(of: url) }
            #expect(dom.contains("<table class=\"diff\">"))
            // The republished copy credits one more reporter: the word diff marks it inserted.
            let inserted = dom.components(separatedBy: "<ins>").dropFirst().compactMap { $0.components(separatedBy: "</ins>").first }
            #expect(inserted.contains { $0.contains("Bill Gertz") }, "inserted runs: \(inserted)")
            #expect(!dom.components(separatedBy: "<del>").dropFirst().contains { $0.components(separatedBy: "</del>").first?.contains("Bill Gertz") == true })
        }
    }
}
