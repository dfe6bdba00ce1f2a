public import Foundation

/// Paths to test inputs: the seed texts and corpora in `../shared` beside the checkout, and the
/// bundled examples.
///
/// The shared data is not in the repository. It is found at `../shared` beside the package, or
/// wherever the `STEMMA_SHARED` environment variable points (for CI, or a checkout elsewhere).
/// A loader never falls back to an empty text: a missing file throws ``Fixtures/Missing``, whose
/// one line says what is missing and where it was looked for.
public enum Fixtures {
    /// The package root, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The environment variable that relocates the shared data.
    public static let sharedVariable = "STEMMA_SHARED"

    /// `$STEMMA_SHARED`, else `../shared` beside the package.
    public static let sharedDirectory: URL = {
        if let override = ProcessInfo.processInfo.environment[sharedVariable], !override.isEmpty {
            return URL(fileURLWithPath: override, relativeTo: packageRoot).standardizedFileURL
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// A test input that is not there.
    public struct Missing: Error, CustomStringConvertible {
        /// The path as a user would type it from the package root (`../shared/seeds/x.txt`).
        public var path: String
        /// What the user can do about it.
        public var hint: String

        public var description: String { "\(path) not found: \(hint)" }
    }

    /// A file or directory in the shared data, such as `seeds/republished-copy.txt` or
    /// `corpora/ats-tracts`.
    ///
    /// - Throws: ``Missing`` when it is not there.
    public static func shared(_ relativePath: String) throws -> URL {
        let url = sharedDirectory.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let hint = ProcessInfo.processInfo.environment[sharedVariable].map { _ in
                "tests need the shared data where \(sharedVariable) points (see README)"
            } ?? "tests need the shared data beside the repository, or \(sharedVariable) set to it (see README)"
            throw Missing(path: argument(for: url), hint: hint)
        }
        return url
    }

    /// `arguments` for a parameterized test that reads `relativePath` from the shared data.
    ///
    /// The file is checked when the arguments are made, so that a missing one fails the test
    /// once, with one line, instead of once per argument.
    ///
    /// ```swift
    /// @Test(arguments: try Fixtures.arguments(0..<40, needing: "seeds/republished-copy.txt"))
    /// ```
    ///
    /// - Throws: ``Missing`` when it is not there.
    public static func arguments<C: Collection>(_ arguments: C, needing relativePath: String) throws -> C {
        _ = try shared(relativePath)
        return arguments
    }

    /// The text of a file in the shared data.
    ///
    /// - Throws: ``Missing`` when it is not there.
    public static func sharedText(_ relativePath: String) throws -> String {
        try String(contentsOf: shared(relativePath), encoding: .utf8)
    }

    /// `url` as a command-line argument for `stemma` run from the package root: relative when
    /// it is inside the package's parent (`../shared/seeds/x.txt`, as the README writes it),
    /// absolute otherwise.
    public static func argument(for url: URL) -> String {
        let parent = packageRoot.deletingLastPathComponent().standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(parent) ? "../" + path.dropFirst(parent.count) : path
    }

    /// The Washington Times page of 2 March 2022, as a path from the package root.
    public static func oldSeedPath() throws -> String { argument(for: try shared("seeds/washington-times-2022-03-02.txt")) }
    /// The later, edited republication of it, as a path from the package root.
    public static func newSeedPath() throws -> String { argument(for: try shared("seeds/republished-copy.txt")) }
    /// The seeds directory, as a path from the package root.
    public static func seedsPath() throws -> String { argument(for: try shared("seeds")) }

    /// The Washington Times page of 2 March 2022.
    public static func oldSeed() throws -> String { try sharedText("seeds/washington-times-2022-03-02.txt") }
    /// The later, edited republication of it.
    public static func newSeed() throws -> String { try sharedText("seeds/republished-copy.txt") }

    /// A file in the package (a bundled example, a golden output), read as UTF-8.
    ///
    /// - Throws: ``Missing`` when it is not there.
    public static func packageText(_ relativePath: String) throws -> String {
        let url = packageRoot.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Missing(path: relativePath, hint: "it belongs to the repository; is the checkout complete?")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The entries of a directory in the package, sorted, as full paths.
    ///
    /// - Throws: ``Missing`` when the directory is not there.
    public static func packageDirectory(_ relativePath: String) throws -> [String] {
        let url = packageRoot.appendingPathComponent(relativePath)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            throw Missing(path: relativePath, hint: "it belongs to the repository; is the checkout complete?")
        }
        return names.sorted().map { url.appendingPathComponent($0).path }
    }

    /// A version of the bundled example story (1, 2 or 3).
    public static func examplePath(version: Int) -> String {
        packageRoot.appendingPathComponent("Examples/harbor-bridge/v\(version).txt").path
    }

    public static func example(version: Int) throws -> String {
        try packageText("Examples/harbor-bridge/v\(version).txt")
    }
}
