public import Foundation

/// A fresh directory under the system's temporary directory, for tests that read files.
public struct ScratchDirectory: Sendable {
    public let url: URL

    /// Creates a directory named `prefix` and a UUID.
    public init(prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

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
