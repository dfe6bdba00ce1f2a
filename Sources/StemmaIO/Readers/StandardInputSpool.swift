import Foundation

/// Copies standard input to a temporary file, for readers that read their input twice
/// (`stemma dedup --verify exact`, `--write-deduplicated`).
public enum StandardInputSpool {
    /// The inputs with `-` replaced by the spooled file, and that file's path for the caller to
    /// remove (nil when no input is `-`).
    public static func replacingStandardInput(in inputs: [String]) throws -> ([String], String?) {
        guard inputs.contains("-") else { return (inputs, nil) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stemma-stdin-\(UUID().uuidString)").path
        let bytes = try ByteStream(path: "-").readAll()
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (inputs.map { $0 == "-" ? path : $0 }, path)
    }
}
