import Foundation

/// The id of a text file named as an input (`index add x.txt`): one id however the path is
/// written, so that `x.txt`, `./x.txt`, `../dir/x.txt` and `/abs/dir/x.txt` are one document.
///
/// The rule: the path is made absolute against the current directory and standardized lexically
/// (empty and `.` components dropped, `..` taking off the component before it, never above `/`).
/// When the result lies inside the current directory, the id is the path relative to it
/// (`x.txt`, `sub/y.txt`); otherwise it is the absolute path (`/data/x.txt`). Standard input
/// (`-`) keeps its name.
///
/// Symbolic links are not resolved: the id is how the file is named, not where its bytes are, so
/// it does not change when a link is moved to another disk, and a link and its target are two
/// documents (as two copies would be). The current directory is the one the kernel reports
/// (`getcwd`, links resolved), so an absolute path typed through a linked directory (`$PWD` under
/// a link) is not recognised as inside it and keeps its absolute form. `..` is taken lexically,
/// as `realpath -s` does, not through a link as the kernel would.
///
/// Members of a directory input keep ids relative to the directory given, which this does not
/// touch.
///
/// ```swift
/// TextFileID.of("./notes/../x.txt", currentDirectory: "/home/me")  // "x.txt"
/// TextFileID.of("/home/me/x.txt", currentDirectory: "/home/me")    // "x.txt"
/// TextFileID.of("../other/x.txt", currentDirectory: "/home/me")    // "/home/other/x.txt"
/// ```
public enum TextFileID {
    /// The id of the text file at `path`, against `currentDirectory` (the process's when nil).
    public static func of(_ path: String, currentDirectory: String? = nil) -> String {
        guard path != "-", !path.isEmpty else { return path }
        let currentDirectory = currentDirectory ?? FileManager.default.currentDirectoryPath
        let absolute = standardized(path.hasPrefix("/") ? path : currentDirectory + "/" + path)
        let base = standardized(currentDirectory)
        if base == "/" { return absolute == "/" ? absolute : String(absolute.dropFirst()) }
        guard absolute.hasPrefix(base + "/") else { return absolute }
        return String(absolute.dropFirst(base.count + 1))
    }

    /// `path` (absolute) without empty, `.` and `..` components.
    static func standardized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
