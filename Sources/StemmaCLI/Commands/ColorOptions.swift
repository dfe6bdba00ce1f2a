import ArgumentParser

/// `--color`, for the commands whose text output can be coloured (`diff`, `reuse`, `match --diff`).
struct ColorOptions: ParsableArguments {
    enum Choice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Option(help: "When to colour text output; auto colours standard output when it is a terminal and NO_COLOR is unset.")
    var color: Choice = .auto

    /// Whether to colour output that goes to standard output, or to a file when `toFile`: `auto`
    /// never colours a file, which is read later by something other than a terminal.
    func enabled(toFile: Bool = false) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto: return !toFile && Console.wantsColor
        }
    }
}
