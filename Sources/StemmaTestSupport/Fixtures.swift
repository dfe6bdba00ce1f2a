public import Foundation

/// Paths to test inputs: the seed texts in `../shared/seeds` beside the checkout, and the bundled
/// examples.
public enum Fixtures {
    /// The package root, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let seedsDirectory = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared").appendingPathComponent("seeds")

    public static let oldSeedPath = seedsDirectory.appendingPathComponent("washington-times-2022-03-02.txt").path
    public static let newSeedPath = seedsDirectory.appendingPathComponent("republished-copy.txt").path

    /// The Washington Times page of 2 March 2022.
    public static func oldSeed() throws -> String { try String(contentsOfFile: oldSeedPath, encoding: .utf8) }
    /// The later, edited republication of it.
    public static func newSeed() throws -> String { try String(contentsOfFile: newSeedPath, encoding: .utf8) }

    /// A version of the bundled example story (1, 2 or 3).
    public static func examplePath(version: Int) -> String {
        packageRoot.appendingPathComponent("Examples/harbor-bridge/v\(version).txt").path
    }

    public static func example(version: Int) throws -> String {
        try String(contentsOfFile: examplePath(version: version), encoding: .utf8)
    }
}
