public import Foundation

/// A fresh directory for tests that read files, inside the test run's ``root``.
public struct ScratchDirectory: Sendable {
    public let url: URL

    /// Creates a directory named `prefix` and a UUID.
    public init(prefix: String) throws {
        url = Self.root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The directory this test process writes its files and databases in, `stemma-tests-PID` in
    /// the system's temporary directory.
    ///
    /// It is removed when the process exits, so that runs do not pile up thousands of files in
    /// /tmp (a run used to leave about 300). Set `STEMMA_KEEP_SCRATCH=1` to keep it for a look
    /// after a failure.
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-tests-\(getpid())")
        try? FileManager.default.removeItem(at: root)  // a PID reused from an earlier, killed run
        // When this fails, so does the first test that writes in it, naming the path.
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["STEMMA_KEEP_SCRATCH"] == nil {
            atexit { try? FileManager.default.removeItem(at: ScratchDirectory.root) }
        }
        return root
    }()

    public var path: String { url.path }

    /// Writes `bytes` to the file `name` in the directory and returns its path.
    public func write(_ bytes: [UInt8], named name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Compresses the file at `path` with `gzip -k` and returns the path of the `.gz` beside it.
    public func gzip(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-k", "-f", path]
        try process.run()
        process.waitUntilExit()
        return path + ".gz"
    }
}
