import Foundation

/// A one-line progress display on standard error: documents, megabytes, rates and, when the input
/// size is known, the time left. Redrawn at most five times a second.
public final class ProgressBar: @unchecked Sendable {
    private let totalBytes: Int?
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    public init(totalBytes: Int?) {
        self.totalBytes = totalBytes
    }

    /// Whether standard error is a terminal, where a progress bar belongs.
    public static var isUseful: Bool { isatty(STDERR_FILENO) == 1 }

    public func update(documents: Int, bytes: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let seconds = max(now.timeIntervalSince(started), 1e-3)
        var line = String(format: "\r%@ docs · %.1f MB · %.0f docs/s · %.1f MB/s", Self.grouped(documents), Double(bytes) / 1e6,
                          Double(documents) / seconds, Double(bytes) / 1e6 / seconds)
        if let totalBytes, totalBytes > 0, bytes > 0 {
            let remaining = Double(max(0, totalBytes - bytes)) / (Double(bytes) / seconds)
            line += String(format: " · %3.0f%% · ETA %d:%02d", min(100, 100 * Double(bytes) / Double(totalBytes)),
                           Int(remaining) / 60, Int(remaining) % 60)
        }
        StandardError.write(line + "\u{1B}[K")
        drawn = true
    }

    /// Clears the line.
    public func finish() {
        if drawn { StandardError.write("\r\u{1B}[K") }
    }

    static func grouped(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// The total size of the inputs when all are plain files (not compressed, not standard input).
    public static func totalBytes(of inputs: [String]) -> Int? {
        var total = 0
        for input in inputs {
            guard input != "-", !input.hasSuffix(".gz"),
                let attributes = try? FileManager.default.attributesOfItem(atPath: input),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let size = attributes[.size] as? Int
            else { return nil }
            total += size
        }
        return total
    }
}
