import ArgumentParser
import StemmaIO

/// `--output`: the file the main output goes to instead of standard output, in every command that
/// takes it. The file is written atomically (``AtomicFile``): readers see the previous file or the
/// complete new one, never a half-written one. `-` is standard output.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the output to this file (complete or not at all) instead of standard output.",
                                                    valueName: "file"),
            completion: .file())
    var output: String?

    /// The file named, or nil for standard output.
    var file: String? { output == "-" ? nil : output }

    /// Opens the destination. Called before the work, so that a file that cannot be created fails
    /// the run at once rather than after it.
    func open() throws -> OutputDestination {
        OutputDestination(file: try file.map(AtomicFile.init))
    }
}

/// Standard output, or an ``AtomicFile`` that appears once ``finish()`` is called.
struct OutputDestination {
    let file: AtomicFile?

    var isFile: Bool { file != nil }

    func write(_ bytes: [UInt8]) throws {
        if let file { try file.write(bytes) } else { try Console.write(bytes: bytes) }
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Puts the file in place; output written so far is lost if this is not called.
    func finish() throws {
        try file?.commit()
    }
}
