public import ArgumentParser
import StemmaCore
import StemmaIO

extension DedupOptions.Verification: ArgumentParser.ExpressibleByArgument {}
extension KeepPolicy: ArgumentParser.ExpressibleByArgument {}
